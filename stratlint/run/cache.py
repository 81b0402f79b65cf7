"""The result cache: a document's findings, kept under a hash of everything that decides them.

The key of a document is a SHA-256 of: its content, its path (as shown and as resolved), the
configuration (`Settings.key()`), the project root, stratlint's version, its code and its rule
data (every file under `rules/`). An entry also lists what the document's links depended on —
each file looked at with its fingerprint, and a digest of the documents that could link to it —
and is used only while those are unchanged (`engine.still_valid`). So editing a strategy
invalidates the plans that link to it, and editing a plan invalidates its strategy's A301.

Entries of one configuration are one JSON file under `<dir>/v2/`, written atomically (a crashed
or concurrent run leaves no torn file; a damaged file is a miss). The directory is
`.stratlint_cache/` in the project root, with a `.gitignore` inside, else the platform cache
folder; `--cache-dir` or `STRATLINT_CACHE_DIR` choose another, `--no-cache` bypasses it.
Delete the folder to clear it. Importing this module does not import spaCy.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from stratlint.model import Finding, InputError, Severity
from stratlint.run.outcome import Outcome
from stratlint.settings import Settings

FORMAT = "v2"
DIR_NAME = ".stratlint_cache"


def _package_dir() -> Path:
    return Path(__file__).resolve().parent


def code_stamp() -> str:
    """stratlint's version and code: file names, sizes and modification times of its modules
    (cheap, and a source checkout edited in place never reuses stale results)."""
    from stratlint._version import __version__

    h = hashlib.sha256(__version__.encode())
    base = _package_dir()
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and d != "_rules")
        for name in sorted(filenames):
            if name.endswith(".py"):
                p = os.path.join(dirpath, name)
                try:
                    st = os.stat(p)
                except OSError:
                    continue
                h.update(f"{os.path.relpath(p, base)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def rules_dir() -> Path:
    """Where the rule data is: `lexicon.data_dir()`, found without importing the lexicons (the
    package's `_rules` in a wheel, the checkout's `rules/` beside the package otherwise)."""
    package = _package_dir().parent  # stratlint/, the package this module is in
    shipped = package / "_rules"
    return shipped if shipped.is_dir() else package.parent / "rules"


def rules_stamp() -> str:
    """A hash of the content of every rule data file (lexicons, patterns, catalog, the trained
    models and their thresholds), in the folder the linter loads them from (`rules_dir`)."""
    h = hashlib.sha256()
    base = rules_dir()
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for name in sorted(filenames):
            p = os.path.join(dirpath, name)
            try:
                with open(p, "rb") as fh:
                    data = fh.read()
            except OSError:
                continue
            h.update(os.path.relpath(p, base).encode() + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()


def platform_cache_dir() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "stratlint" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "stratlint"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "stratlint"


def derived_dir() -> Path | None:
    """Where rule data parsed once per installation is kept (the word-form table): the platform
    cache folder, shared by every project, keyed by the data's hash; None if not writable.
    Independent of the result cache, so `--no-cache` runs start as fast."""
    d = platform_cache_dir() / "derived"
    try:
        d.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return d if os.access(d, os.W_OK) else None


def default_dir(root: Path) -> Path | None:
    """`.stratlint_cache/` in the project root when it can be written, else a folder for this
    project in the platform cache folder; None when neither can. A `.stratlint_cache` that is a
    link out of the project is not used: the cache never writes or reads outside it."""
    from stratlint.read.discover import inside_project

    local = root / DIR_NAME
    contained = all(inside_project(str(d), root) for d in (local, local / FORMAT))
    candidates = [local] if contained else []
    digest = hashlib.sha256(str(root).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    candidates.append(platform_cache_dir() / digest)
    for d in candidates:
        if _prepare(d):
            return d
    return None


def _prepare(directory: Path) -> bool:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        ignore = directory / ".gitignore"
        if not ignore.exists():
            ignore.write_text(
                "# Created by stratlint: a cache, never commit it.\n*\n", encoding="utf-8"
            )
        tag = directory / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# stratlint result cache (https://bford.info/cachedir/)\n",
                encoding="utf-8",
            )
        return os.access(directory, os.W_OK)
    except OSError:
        return False


class Cache:
    """Findings of documents by content, configuration, code and rule data.

    Entries of one configuration live in one file (`<dir>/v2/<context>.json`): a run reads it
    once (a fully cached run of 1,000 documents reads one file, not 1,000) and `save` writes it
    back atomically. It keeps one entry per document path: the newest for paths of this run,
    and the entries of paths not in this run whose file still exists (a pre-commit run of three
    files must not forget the rest; a deleted file's entry goes). A concurrent run may overwrite
    it; that loses entries, never correctness.
    """

    def __init__(self, directory: Path, settings: Settings) -> None:
        self.directory = directory
        root = (settings.root or Path.cwd()).resolve()
        self.context = hashlib.sha256(
            "\0".join(
                [FORMAT, sys.version, code_stamp(), rules_stamp(), settings.key(), str(root)]
            ).encode("utf-8", "surrogatepass")
        ).hexdigest()
        self.file = directory / FORMAT / f"{self.context[:32]}.json"
        self._entries: dict[str, dict[str, Any]] | None = None
        self._new: dict[str, dict[str, Any]] = {}
        self._paths: set[str] = set()  # paths of this run
        self._reals: dict[str, str] = {}
        self._used: set[str] = set()

    @classmethod
    def open(cls, settings: Settings, directory: Path | None = None) -> Cache | None:
        """The cache for a run: in `directory` if given, else the default; None if unusable."""
        root = (settings.root or Path.cwd()).resolve()
        d = directory if directory is not None else default_dir(root)
        if d is None or (directory is not None and not _prepare(directory)):
            return None
        return cls(d, settings)

    def _load(self) -> dict[str, dict[str, Any]]:
        if self._entries is None:
            try:
                with open(self.file, encoding="utf-8") as fh:
                    data = json.load(fh)
                entries = data["entries"] if data.get("context") == self.context else {}
                self._entries = entries if isinstance(entries, dict) else {}
            except (OSError, ValueError, KeyError, TypeError, AttributeError):
                self._entries = {}
        return self._entries

    def key(self, path: str, real: str, content_hash: str) -> str:
        self._paths.add(path)
        self._reals[path] = real
        blob = "\0".join([path, real, content_hash])
        return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str) -> Outcome | None:
        data = self._load().get(key)
        if data is None:
            return None
        try:
            outcome = _outcome(data)
        except (ValueError, KeyError, TypeError):
            return None
        self._used.add(key)
        return outcome

    def put(self, key: str, outcome: Outcome) -> None:
        self._new[key] = {
            "path": outcome.path,
            "real": self._reals.get(outcome.path, ""),
            "findings": [f.to_dict() for f in outcome.findings],
            "errors": [e.to_dict() for e in outcome.errors],
            "deps": outcome.deps,
            "mentions": outcome.mentions,
        }

    def save(self) -> None:
        """Write this run's entries (and older ones of paths not in this run) back to disk."""
        old = self._load()
        kept = {
            k: v
            for k, v in old.items()
            if k in self._used
            or (
                isinstance(v, dict)
                and v.get("path") not in self._paths
                and os.path.exists(v.get("real") or "")
            )
        }
        if not self._new and len(kept) == len(old):
            return  # a fully cached run with nothing to forget: leave the file as it is
        kept.update(self._new)
        tmp = ""
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                # ASCII escapes: a file name that is not UTF-8 (lone surrogates) survives
                json.dump(
                    {"context": self.context, "entries": kept},
                    fh,
                    ensure_ascii=True,
                    separators=(",", ":"),
                )
            os.chmod(tmp, 0o644)  # mkstemp makes it private; a cache is as readable as the repo
            os.replace(tmp, self.file)
        except BaseException as exc:  # Ctrl-C or an error mid-write: leave no half-written file
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            if not isinstance(exc, OSError):
                raise
            # a full disk or a read-only folder: the run's findings stand, uncached


def _outcome(data: dict[str, Any]) -> Outcome:
    findings = []
    for f in data["findings"]:
        f = dict(f)
        f["severity"] = Severity(f["severity"])
        findings.append(Finding(**f))
    errors = [InputError(e["path"], e["message"], e.get("line")) for e in data["errors"]]
    return Outcome(data["path"], findings, errors, dict(data["deps"]), dict(data["mentions"]))
