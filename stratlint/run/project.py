"""The project index: the documents of a run and what link resolution asks of them.

`Project` reads linked documents once (the run's from memory, others from disk, never outside
the project root), analyses each once and keeps the recently used ones; it answers a
`links.Resolver`'s questions (load a document, fingerprint a path, which plans link to a
document) and validates cached results without loading spaCy. `Pool` is the reverse index
behind A301: which documents name a file, found through one index of the file names written in
them.
"""

from __future__ import annotations

import hashlib
import os
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from stratlint.read.discover import discover
from stratlint.read.files import MAX_BYTES, ReadError, read_text
from stratlint.read.lower import holders, lower
from stratlint.settings import Settings
from stratlint.understand.links import (
    LinkStatus,
    Resolved,
    Resolver,
    mention_keys,
    real_path,
    strategy_targets,
)

if TYPE_CHECKING:
    from stratlint.understand.analysis import Analysis

KEEP_ANALYSES = 64  # analyses of linked documents kept per process (least recently used out)
_NAME_ENDS = (".md", ".markdown")
_DELIMS = frozenset(" \t\r\n\0/\\()[]<>\"'`:=|,;*!?#")
MAX_SCAN = 10_000  # Markdown files of the project read at most to find plans linking to a file


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Pool:
    """The documents that may link to a document (the reverse index behind A301).

    It holds the run's documents; when the run is partial (some files, as pre-commit passes
    them), it also holds every Markdown file under the project root, read only when asked.
    A document is a candidate linker of X when its text names X's file (`links.mention_keys`);
    candidates are then parsed and their links really resolved.
    """

    def __init__(
        self,
        texts: Mapping[str, tuple[str, str]],
        root: Path,
        partial: bool,
        exclude: Sequence[str] = (),
    ) -> None:
        self.texts = texts  # real path → (display path, text) of the run's documents
        self.root = root
        self.partial = partial
        self.exclude = tuple(exclude)
        self._others: dict[str, str | None] | None = None  # real → text of files outside the run
        self._sorted: list[str] | None = None
        self._joined: tuple[str, list[int]] | None = None
        self._index: dict[str, set[int]] | None = None

    def others(self) -> dict[str, str | None]:
        if self._others is None:
            self._others = {}
            if self.partial:
                for n, p in enumerate(discover([str(self.root)], self.exclude, self.root)):
                    if n >= MAX_SCAN:
                        break
                    real = real_path(p)
                    if real and real not in self.texts:
                        self._others[real] = None
        return self._others

    def _all(self) -> list[str]:
        if self._sorted is None or len(self._sorted) != len(self.texts) + len(self.others()):
            self._sorted = sorted({*self.texts, *self.others()})
            self._joined = None
            self._index = None
        return self._sorted

    def _search_space(self) -> tuple[list[str], str, list[int]]:
        """Every document's lower-cased text in one string (NUL between), and where each starts:
        one C-speed `find` per name instead of a substring test per document."""
        docs = self._all()
        if self._joined is None:
            parts = [lower(self.text(d) or "") for d in docs]
            starts, pos = [], 0
            for part in parts:
                starts.append(pos)
                pos += len(part) + 1
            self._joined = ("\0".join(parts), starts)
        return docs, *self._joined

    def text(self, real: str) -> str | None:
        if real in self.texts:
            return self.texts[real][1]
        others = self.others()
        if real not in others:
            return None
        if others[real] is None:
            try:
                others[real] = read_text(real)
            except ReadError:
                others[real] = ""
        return others[real]

    def candidates(self, real: str) -> list[str]:
        """Documents (real paths, sorted) whose text names the document at `real`."""
        if all(d == real for d in self._all()):
            # Nothing else to search (one file linted alone): no lower-cased copy of its text and
            # no index of the names in it (10 MB and 30 MB for a 10 MB file; issue 15).
            return []
        docs, joined, starts = self._search_space()
        found: set[int] = set()
        for key in mention_keys(real):
            if key.endswith(_NAME_ENDS) and not _DELIMS.intersection(key):
                found |= self._names().get(key, set())
                continue
            found.update(holders(joined, starts, key))
        return [docs[d] for d in sorted(found) if docs[d] != real]

    def _names(self) -> dict[str, set[int]]:
        """Every file name written in the documents (each run of non-delimiters ending in .md or
        .markdown, and each of its tails) → the documents it is written in. A name without a
        delimiter occurs in a text exactly when it is a tail of one of these, so looking it up
        here equals searching for it; the index costs one pass, the search one pass per name."""
        if self._index is None:
            _, joined, starts = self._search_space()
            index: dict[str, set[int]] = {}
            for end_mark in _NAME_ENDS:
                i = joined.find(end_mark)
                while i >= 0:
                    end = i + len(end_mark)
                    j = i
                    while j > 0 and joined[j - 1] not in _DELIMS:
                        j -= 1
                    d = bisect_right(starts, i) - 1
                    for k in range(j, i):
                        index.setdefault(joined[k:end], set()).add(d)
                    i = joined.find(end_mark, end)
            self._index = index
        return self._index

    def digest(self, real: str, fingerprint: Callable[[str], str]) -> str:
        """A fingerprint of everything that can link to `real`: the candidates and their content."""
        h = hashlib.sha256()
        for cand in self.candidates(real):
            h.update(f"{cand}\0{fingerprint(cand)}\n".encode("utf-8", "surrogatepass"))
        return h.hexdigest()


class Project:
    """The documents of one run and the index behind link resolution.

    Linked documents are read once (the run's from memory, others from disk, never outside the
    root), analysed once and kept while recently used. `fingerprint` and `linked_plans` answer
    the resolvers; `fingerprint` also validates cached results, without loading spaCy.
    Fingerprints are computed once per path and run: the files are taken as they were read.
    """

    def __init__(
        self,
        settings: Settings,
        texts: Mapping[str, tuple[str, str]] | None = None,
        pool: Pool | None = None,
    ) -> None:
        self.settings = settings
        self.root = (settings.root or Path.cwd()).resolve()
        self.texts: Mapping[str, tuple[str, str]] = texts if texts is not None else {}
        self.pool = pool or Pool(self.texts, self.root, partial=False)
        self._pinned: dict[str, Analysis] = {}
        self._recent: OrderedDict[str, Analysis | None] = OrderedDict()
        self._hashes: dict[str, str] = {}
        self._fingerprints: dict[str, str] = {}
        self._reals: dict[str, str] = {}

    # -- analyses ---------------------------------------------------------------------------

    def real(self, path: str) -> str:
        """`links.real_path(path)`, found once per path in the run (each document's is asked
        for four times as it is linted, and each costs a system call per folder of its path:
        the run takes the files as they were when it started, as `fingerprint` does)."""
        real = self._reals.get(path)
        if real is None:
            real = self._reals[path] = real_path(path)
        return real

    def add(self, analysis: Analysis) -> None:
        """Make a document of the run known to link resolution while it is being checked."""
        key = self.real(analysis.doc.path)
        if key:
            self._pinned[key] = analysis

    def release(self, analysis: Analysis) -> None:
        key = self.real(analysis.doc.path)
        if key and self._pinned.get(key) is analysis:
            del self._pinned[key]
            self._remember(key, analysis)

    def _remember(self, key: str, analysis: Analysis | None) -> None:
        self._recent[key] = analysis
        self._recent.move_to_end(key)
        while len(self._recent) > KEEP_ANALYSES:
            self._recent.popitem(last=False)

    def known(self, real: str) -> Analysis | None:
        return self._pinned.get(real) or self._recent.get(real)

    def load(self, path: Path) -> Analysis | None:
        key = str(path)
        if key in self._pinned:
            return self._pinned[key]
        if key in self._recent:
            self._recent.move_to_end(key)
            return self._recent[key]
        self._remember(key, None)
        display, text = self._source(key)
        if text is None or len(text) > MAX_BYTES:
            return None
        from stratlint.read.parse import parse
        from stratlint.understand.analysis import analyse_document

        analysis = analyse_document(
            parse(text, display), None, self.settings.sections, self.settings.lexicon
        )
        self._remember(key, analysis)
        return analysis

    def _source(self, real: str) -> tuple[str, str | None]:
        """(path to show, text) of a document: the run's from memory, else from disk."""
        if real in self.texts:
            return self.texts[real]
        text = self.pool.text(real)
        if text is not None:
            return real, text
        try:
            return real, read_text(real)
        except ReadError:
            return real, None

    # -- the resolver's questions -----------------------------------------------------------

    def resolver(self, analysis: Analysis) -> Resolver:
        return Resolver(
            analysis.doc.path,
            self.root,
            self.load,
            analysis,
            index=self,
            link_roots=self.settings.link_roots,
        )

    def has_text(self, real: str) -> bool:
        return real in self.texts

    def content_hash(self, real: str) -> str:
        h = self._hashes.get(real)
        if h is None:
            _, text = self._source(real)
            h = self._hashes[real] = text_hash(text) if text is not None else "unreadable"
        return h

    def fingerprint(self, path: str) -> str:
        """What a link to `path` depends on: where it really points, what is there, its content."""
        fp = self._fingerprints.get(path)
        if fp is None:
            fp = self._fingerprints[path] = self._fingerprint(path)
        return fp

    def _fingerprint(self, path: str) -> str:
        real = real_path(path)
        inside = real == str(self.root) or real.startswith(str(self.root) + os.sep)
        if not real or not inside:
            return "outside"
        if real in self.texts:
            return f"md {real} {self.content_hash(real)}"
        if os.path.isdir(real):
            return f"dir {real}"
        if not os.path.isfile(real):
            return "missing"
        if real.lower().endswith((".md", ".markdown", ".mdown", ".mkd")):
            return f"md {real} {self.content_hash(real)}"
        return f"file {real}"

    def linked_plans(self, real: str) -> list[tuple[Analysis, Resolved]]:
        """Plans in other documents whose strategy link resolves to the document at `real`."""
        out: list[tuple[Analysis, Resolved]] = []
        for cand in self.pool.candidates(real):
            other = self.load(Path(cand))
            if other is None or not other.plans:
                continue
            resolver = Resolver(
                other.doc.path,
                self.root,
                self.load,
                other,
                index=self,
                link_roots=self.settings.link_roots,
            )
            for target in strategy_targets(other):
                res = resolver.resolve(target)
                if res.status == LinkStatus.STRATEGY and res.path == real:
                    out.append((other, res))
                    break
        return out  # not kept: it holds whole analyses (each resolver keeps its own answer)

    def mention_digest(self, real: str) -> str:
        return self.pool.digest(real, self.fingerprint)
