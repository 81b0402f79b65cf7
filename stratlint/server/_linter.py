"""Linting open documents for the server, on one worker thread.

The engine does the linting (`engine.check_documents`, as the CLI); this module only decides
what a document is linted with and what has to be linted again:

- settings: the configuration the CLI would use for the file (`config.find_config` walking up
  from the document's folder), reloaded when the file's modification time or size changes; a
  broken configuration keeps the last good one (or the defaults) and is reported, never raised;
- the project: the open documents (their unsaved text) and the Markdown files under the project
  root (read once, read again only when changed on disk), so links and A301/A302 resolve as in
  a whole-repository run;
- dependents: when a document changes, the open documents whose last result depended on it (the
  plans linking to a strategy) or that it names (the strategy a plan links to, for A301) are
  linted in the same batch.

Everything here runs on the one lint thread; the protocol side only hands over snapshots.
"""

from __future__ import annotations

import os
import re
import time
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from stratlint.model import Finding, InputError
from stratlint.read.discover import discover, excluded, is_markdown
from stratlint.read.files import ReadError, read_text
from stratlint.run.config import ConfigError, find_config, find_root, load_settings
from stratlint.run.project import MAX_SCAN, Pool, Project
from stratlint.settings import Settings
from stratlint.understand.links import mention_keys, real_path

LISTING_TTL = 2.0  # seconds a listing of the project's Markdown files is reused
PSEUDO = "<text>"  # the path of a buffer that is not a file (untitled)
_FAILED = "stratlint failed on this file"  # engine.check_documents' message for its own errors

Log = Callable[[str], None]


@dataclass(frozen=True)
class OpenDoc:
    """An open document as the protocol side last saw it."""

    uri: str
    path: str  # absolute file path, or PSEUDO
    text: str
    version: int | None


@dataclass
class DocResult:
    uri: str
    version: int | None
    text: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    failed: bool = False  # stratlint itself failed on it (logged); errors say so


@dataclass
class Batch:
    results: list[DocResult] = field(default_factory=list)
    configs: dict[Path, list[tuple[int | None, str]]] = field(default_factory=dict)  # problems


@dataclass
class _Config:
    stamp: tuple[int, int]
    settings: Settings
    problems: list[tuple[int | None, str]]


@dataclass
class _Record:
    deps: frozenset[str]  # real paths the last result depended on
    linked: bool  # the result asked which plans link to the document (A301)
    text: str


class Disk:
    """The Markdown files under one project root: listed (as the CLI walks them) at most every
    LISTING_TTL seconds, each read once and again only when its size or mtime changes."""

    def __init__(self, root: Path, exclude: Sequence[str]) -> None:
        self.root = root
        self.exclude = tuple(exclude)
        self._listing: list[str] | None = None
        self._listed_at = 0.0
        self._texts: dict[str, tuple[tuple[int, int], str]] = {}

    def invalidate(self) -> None:
        self._listing = None

    def files(self) -> list[str]:
        now = time.monotonic()
        if self._listing is None or now - self._listed_at > LISTING_TTL:
            out = []
            for n, p in enumerate(discover([str(self.root)], self.exclude, self.root)):
                if n >= MAX_SCAN:
                    break
                real = real_path(p)
                if real:
                    out.append(real)
            self._listing, self._listed_at = out, now
            live = set(out)
            for gone in [k for k in self._texts if k not in live]:
                del self._texts[gone]
        return self._listing

    def text(self, real: str) -> str:
        try:
            st = os.stat(real)
        except OSError:
            self._texts.pop(real, None)
            return ""
        stamp = (st.st_mtime_ns, st.st_size)
        hit = self._texts.get(real)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        try:
            text = read_text(real)
        except ReadError:
            text = ""
        self._texts[real] = (stamp, text)
        return text


class _Pool(Pool):
    """The engine's reverse-link index over the open documents and the files on disk, read
    through `Disk` so a file is not read again while it is unchanged."""

    def __init__(self, texts: Mapping[str, tuple[str, str]], disk: Disk) -> None:
        super().__init__(texts, disk.root, partial=True, exclude=disk.exclude)
        self.disk = disk
        self._listed: dict[str, str | None] | None = None

    def others(self) -> dict[str, str | None]:
        if self._listed is None:
            self._listed = {r: None for r in self.disk.files() if r not in self.texts}
        return self._listed

    def text(self, real: str) -> str | None:
        if real in self.texts:
            return self.texts[real][1]
        if real in self.others():
            return self.disk.text(real)
        return None


class Linter:
    def __init__(self, log: Log) -> None:
        self.log = log
        self._configs: dict[Path, _Config] = {}
        self._defaults: dict[Path, Settings] = {}
        self._disks: dict[tuple[Path, tuple[str, ...]], Disk] = {}
        self._records: dict[str, _Record] = {}

    # -- settings ---------------------------------------------------------------------------

    def settings_for(
        self,
        doc: OpenDoc,
        folders: Sequence[Path],
        reports: dict[Path, list[tuple[int | None, str]]],
    ) -> Settings:
        if doc.path == PSEUDO:
            return self._default(folders[0] if folders else Path.cwd())
        here = Path(doc.path).parent
        config = find_config(here)
        if config is None:
            root = find_root(here)
            if not (root / ".git").exists():
                inside = [f for f in folders if f == here or f in here.parents]
                root = max(inside, key=lambda f: len(f.parts)) if inside else here
            return self._default(root)
        try:
            st = config.stat()
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = (0, 0)
        known = self._configs.get(config)
        if known is not None and known.stamp == stamp:
            return known.settings
        try:
            settings = load_settings(config, False, here)
            problems: list[tuple[int | None, str]] = []
        except ConfigError as exc:
            problems = [_problem(str(config), p) for p in exc.problems]
            fallback = (
                known.settings
                if known is not None
                else Settings(root=config.parent, config_path=config)
            )
            settings = fallback
            self.log(
                f"{config}: configuration error; "
                + ("keeping the last good settings" if known else "using the defaults")
                + "\n"
                + "\n".join(exc.problems)
            )
        self._configs[config] = _Config(stamp, settings, problems)
        reports[config] = problems
        return settings

    def _default(self, root: Path) -> Settings:
        if root not in self._defaults:
            self._defaults[root] = Settings(root=root)
        return self._defaults[root]

    def _disk(self, settings: Settings) -> Disk:
        root = (settings.root or Path.cwd()).resolve()
        key = (root, settings.exclude)
        if key not in self._disks:
            self._disks[key] = Disk(root, settings.exclude)
        return self._disks[key]

    def files_changed(self, created_or_deleted: bool) -> None:
        if created_or_deleted:
            for disk in self._disks.values():
                disk.invalidate()

    # -- what to lint -----------------------------------------------------------------------

    def dependents(
        self, changed: Iterable[str], docs: Mapping[str, OpenDoc], paths: Iterable[str] = ()
    ) -> set[str]:
        """Open documents to lint again because `changed` documents (URIs) or files on disk
        (`paths`) changed."""
        changed = [u for u in changed if u in docs]
        reals = {real_path(p) for p in paths} | {real_path(docs[u].path) for u in changed}
        reals.discard("")
        lowered = []
        for u in changed:
            lowered.append(docs[u].text.lower())
            old = self._records.get(u)
            if old is not None:
                lowered.append(old.text.lower())
        out: set[str] = set()
        for uri, rec in self._records.items():
            if uri in changed or uri not in docs:
                continue
            if rec.deps & reals:
                out.add(uri)
            elif rec.linked and lowered:
                keys = mention_keys(real_path(docs[uri].path)) if docs[uri].path != PSEUDO else ()
                if any(k in low for k in keys for low in lowered):
                    out.add(uri)
        return out

    def forget(self, uri: str) -> None:
        self._records.pop(uri, None)

    def known(self) -> set[str]:
        return set(self._records)

    # -- linting ----------------------------------------------------------------------------

    def lint(
        self, uris: Iterable[str], docs: Mapping[str, OpenDoc], folders: Sequence[Path]
    ) -> Batch:
        """Lint the open documents `uris`; `docs` are all open documents (the project sees their
        unsaved text)."""
        batch = Batch()
        groups: dict[int, tuple[Settings, list[OpenDoc]]] = {}
        for uri in sorted(uris):
            doc = docs.get(uri)
            if doc is None:
                continue
            settings = self.settings_for(doc, folders, batch.configs)
            groups.setdefault(id(settings), (settings, []))[1].append(doc)
        for settings, group in groups.values():
            batch.results.extend(self._lint_group(settings, group, docs))
        return batch

    def _lint_group(
        self, settings: Settings, group: list[OpenDoc], docs: Mapping[str, OpenDoc]
    ) -> list[DocResult]:
        root = (settings.root or Path.cwd()).resolve()
        out: list[DocResult] = []
        todo: list[OpenDoc] = []
        for doc in group:
            if doc.path != PSEUDO and excluded(doc.path, settings.exclude, root):
                self.forget(doc.uri)
                out.append(DocResult(doc.uri, doc.version, doc.text))
            else:
                todo.append(doc)
        if not todo:
            return out
        texts = {}
        for d in docs.values():
            real = real_path(d.path) if d.path != PSEUDO else ""
            if real and (real == str(root) or real.startswith(str(root) + os.sep)):
                texts[real] = (d.path, d.text)
        try:
            out.extend(self._check(settings, todo, texts))
        except Exception:  # our own wiring failed: lint one by one, so only the culprit fails
            self.log(
                "stratlint: linting a batch failed; linting its documents one by one\n"
                + traceback.format_exc()
            )
            for doc in todo:
                try:
                    out.extend(self._check(settings, [doc], texts))
                except Exception:
                    out.append(self._failed(doc, traceback.format_exc()))
        return out

    def _check(
        self, settings: Settings, todo: list[OpenDoc], texts: dict[str, tuple[str, str]]
    ) -> list[DocResult]:
        from stratlint.run.engine import check_documents

        project = Project(settings, texts, _Pool(texts, self._disk(settings)))
        outcomes = check_documents([(d.path, d.text) for d in todo], project)
        out = []
        for doc, o in zip(todo, outcomes, strict=True):
            failure = [e for e in o.errors if e.line is None and e.message.startswith(_FAILED)]
            if failure:
                out.append(self._failed(doc, failure[0].message))
                continue
            self._records[doc.uri] = _Record(
                frozenset(r for p in o.deps if (r := real_path(p))), bool(o.mentions), doc.text
            )
            out.append(DocResult(doc.uri, doc.version, doc.text, o.findings, o.errors))
        return out

    def _failed(self, doc: OpenDoc, detail: str) -> DocResult:
        self.log(
            f"stratlint failed on {doc.uri} (version {doc.version}); the server goes on.\n" + detail
        )
        self.forget(doc.uri)
        msg = (
            "stratlint failed on this document (an error of stratlint's own, logged in the "
            "language server's output); other documents are still linted. Please report it "
            "with the document."
        )
        return DocResult(
            doc.uri, doc.version, doc.text, [], [InputError(doc.path, msg, 1)], failed=True
        )


def _problem(shown: str, problem: str) -> tuple[int | None, str]:
    """A ConfigError line (`file:line: message` or `file: message`) → (line, message)."""
    m = re.match(re.escape(shown) + r"(?::(\d+))?: (.*)$", problem, re.DOTALL)
    if not m:
        return None, problem
    return (int(m.group(1)) if m.group(1) else None), m.group(2)


def is_markdown_document(path: str, language_id: str | None) -> bool:
    return (language_id or "").lower() in ("markdown", "mdx") or is_markdown(path)


__all__ = ["PSEUDO", "Batch", "DocResult", "Linter", "OpenDoc", "is_markdown_document"]
