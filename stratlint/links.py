"""Strategy links: which local links and front matter `strategy:` values point to a strategy.

A `Resolver` answers, for a link target written in a document, what it points to: an external
URL, a missing file, a missing anchor (GitHub's heading slugs), a document or section with no
strategy, or a strategy. It also answers the reverse question for A301: which plans in other
documents link to this one. The engine's project supplies how a linked file is loaded and
analysed, and keeps the index of documents; the resolver never reads outside the project root.

Everything a resolver looks at on disk is noted in `Resolver.deps` (path → fingerprint), so a
cached result can be reused only while every file it depended on is unchanged.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote, unquote

if TYPE_CHECKING:
    from stratlint.analysis import Analysis, Scope

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
INDEX_NAMES = ("README.md", "index.md", "_index.md")
PSEUDO_PATHS = ("-", "<text>", "<stdin>")


class LinkStatus(str, Enum):
    EXTERNAL = "external"
    MISSING_FILE = "missing file"
    OUTSIDE = "outside the project"
    MISSING_ANCHOR = "missing anchor"
    NOT_STRATEGY = "no strategy"
    STRATEGY = "strategy"
    NOT_MARKDOWN = "not markdown"


@dataclass(frozen=True)
class Resolved:
    status: LinkStatus
    path: str = ""
    anchor: str = ""
    scopes: tuple[Scope, ...] = ()
    analysis: Analysis | None = None


Loader = Callable[[Path], "Analysis | None"]


class Index(Protocol):
    """What a resolver needs from the project: load a document, fingerprint a path, and list the
    plans elsewhere whose strategy link points at a document."""

    def load(self, path: Path) -> Analysis | None: ...

    def has_text(self, real: str) -> bool: ...

    def fingerprint(self, path: str) -> str: ...

    def linked_plans(self, real: str) -> list[tuple[Analysis, Resolved]]: ...


class Resolver:
    """Resolve link targets of one document against the project on disk."""

    def __init__(self, doc_path: str, root: Path | None, loader: Loader | None,
                 self_analysis: Analysis | None = None, index: Index | None = None) -> None:
        self.doc_path = doc_path
        self.root = root.resolve() if root else None
        self.loader = loader
        self.self_analysis = self_analysis
        self.index = index
        self.deps: dict[str, str] = {}  # every path looked at → its fingerprint (for the cache)
        self.used_linked_plans = False
        self._memo: dict[str, Resolved] = {}
        self._linked: list[tuple[Analysis, Resolved]] | None = None

    def _note(self, path: Path | str) -> None:
        if self.index is not None:
            key = os.path.abspath(path)
            if key not in self.deps:
                self.deps[key] = self.index.fingerprint(key)

    def resolve(self, target: str) -> Resolved:
        memo = self._memo.get(target)
        if memo is None:
            memo = self._memo[target] = self._resolve(target)
        return memo

    def _resolve(self, target: str) -> Resolved:
        target = target.strip()
        if not target or _SCHEME.match(target) or target.startswith("//"):
            return Resolved(LinkStatus.EXTERNAL)
        path_part, _, anchor = target.partition("#")
        path_part = unquote(path_part.split("?")[0])
        anchor = unquote(anchor)
        if not path_part:
            analysis = self.self_analysis
            if analysis is None:
                return Resolved(LinkStatus.MISSING_FILE)
            return self._judge(analysis, anchor, self.doc_path)
        if self.doc_path in PSEUDO_PATHS and self.root is None:
            return Resolved(LinkStatus.MISSING_FILE, path_part, anchor)
        base = Path(self.doc_path).parent if self.doc_path not in ("-", "<stdin>") else Path(".")
        if path_part.startswith("/") and self.root is not None:
            candidate = self.root / path_part.lstrip("/")
        else:
            candidate = base / posixpath.normpath(path_part)
        try:
            real = Path(os.path.realpath(candidate))
        except (OSError, ValueError):
            return Resolved(LinkStatus.MISSING_FILE, path_part, anchor)
        root = self.root or Path(os.path.realpath(Path.cwd()))
        if real != root and root not in real.parents:
            return Resolved(LinkStatus.OUTSIDE, path_part, anchor)
        self._note(candidate)
        if self.index is not None and self.index.has_text(str(real)):
            pass  # a document of the run, perhaps given only as text (stdin, the API)
        elif real.is_dir():
            for name in INDEX_NAMES:
                self._note(real / name)
                if (real / name).is_file():
                    real = real / name
                    break
            else:
                return Resolved(LinkStatus.MISSING_FILE, path_part, anchor)
        elif not real.is_file():
            return Resolved(LinkStatus.MISSING_FILE, path_part, anchor)
        if real.suffix.lower() not in MARKDOWN_SUFFIXES:
            return Resolved(LinkStatus.NOT_MARKDOWN, path_part, anchor)
        analysis = self.loader(real) if self.loader else None
        if analysis is None:
            return Resolved(LinkStatus.MISSING_FILE, path_part, anchor)
        return self._judge(analysis, anchor, str(real))

    def _judge(self, analysis: Analysis, anchor: str, path: str) -> Resolved:
        scopes = tuple(analysis.strategies)
        if anchor:
            sections = [s for s in analysis.doc.sections if s.level and s.anchor == anchor.lower()]
            if not sections:
                return Resolved(LinkStatus.MISSING_ANCHOR, path, anchor, (), analysis)
            sec = sections[0].index
            inside = tuple(sc for sc in scopes if sec in sc.sections)
            if not inside:
                # A link to a section that contains a strategy (e.g. the document title).
                sub = _subtree(analysis, sec)
                inside = tuple(sc for sc in scopes if set(sc.sections) & sub)
            if not inside:
                return Resolved(LinkStatus.NOT_STRATEGY, path, anchor, (), analysis)
            return Resolved(LinkStatus.STRATEGY, path, anchor, inside, analysis)
        if not scopes:
            return Resolved(LinkStatus.NOT_STRATEGY, path, anchor, (), analysis)
        return Resolved(LinkStatus.STRATEGY, path, anchor, scopes, analysis)

    def linked_plans(self) -> list[tuple[Analysis, Resolved]]:
        """Documents with a plan whose strategy link resolves to this document, each with the
        resolved link (its `scopes` are the strategies of this document it points at), sorted
        by path. Empty without a project index or for text that is not a file."""
        if self._linked is None:
            self.used_linked_plans = True
            real = real_path(self.doc_path)
            self._linked = self.index.linked_plans(real) if self.index and real else []
        return self._linked


def _subtree(analysis: Analysis, idx: int) -> set[int]:
    out = {idx}
    stack = [idx]
    while stack:
        for c in analysis.doc.sections[stack.pop()].children:
            out.add(c)
            stack.append(c)
    return out


def names_strategy(text: str, target: str) -> bool:
    """A link whose text or path names a strategy (P207 when it does not resolve to one)."""
    blob = f"{text} {target}".lower()
    return bool(re.search(r"strateg|where[-_ ]to[-_ ]play|how[-_ ]to[-_ ]win|pillar", blob))


def strategy_targets(analysis: Analysis) -> list[str]:
    """Every target that can make a document's strategy link: front matter `strategy:` (a value
    or a list) and each local link, in document order."""
    out: list[str] = []
    fm: Any = analysis.doc.front_matter.get("strategy") if analysis.doc.front_matter else None
    if isinstance(fm, (str, int, float)):
        out.append(str(fm))
    elif isinstance(fm, list):
        out.extend(str(v) for v in fm if isinstance(v, (str, int, float)))
    out.extend(lk.target for lk in analysis.doc.links)
    return out


def real_path(path: str) -> str:
    """The resolved path of a document on disk ("" for text that is not a file)."""
    if path in PSEUDO_PATHS:
        return ""
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return ""


def mention_keys(real: str) -> tuple[str, ...]:
    """Lower-case strings one of which any link to the document at `real` must contain: its file
    name (plain or percent-encoded), or for an index file (README.md…) its folder's name."""
    p = Path(real)
    keys = {p.name.lower(), quote(p.name).lower()}
    if p.name in INDEX_NAMES and p.parent.name:
        keys |= {p.parent.name.lower(), quote(p.parent.name).lower()}
    return tuple(sorted(keys))

