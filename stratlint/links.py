"""Strategy links: which local links and front matter `strategy:` values point to a strategy.

A `Resolver` answers, for a link target written in a document, what it points to: an external
URL, a missing file, a missing anchor, a document or section with no strategy, or a strategy. The
engine supplies how a linked file is loaded and analysed; the resolver never reads outside the
project root.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

if TYPE_CHECKING:
    from stratlint.analysis import Analysis, Scope

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


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


class Resolver:
    """Resolve link targets of one document against the project on disk."""

    def __init__(self, doc_path: str, root: Path | None, loader: Loader | None,
                 self_analysis: Analysis | None = None) -> None:
        self.doc_path = doc_path
        self.root = root.resolve() if root else None
        self.loader = loader
        self.self_analysis = self_analysis

    def resolve(self, target: str) -> Resolved:
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
        if self.doc_path in ("-", "<text>", "<stdin>") and self.root is None:
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
        if real.is_dir():
            for name in ("README.md", "index.md", "_index.md"):
                if (real / name).is_file():
                    real = real / name
                    break
            else:
                return Resolved(LinkStatus.MISSING_FILE, path_part, anchor)
        if not real.is_file():
            return Resolved(LinkStatus.MISSING_FILE, path_part, anchor)
        if real.suffix.lower() not in (".md", ".markdown", ".mdown", ".mkd"):
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
