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
    from stratlint.understand.analysis import Analysis, Scope

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# A link a site generator fills in: Jekyll/Liquid, Hugo, ERB, shell or JS templates.
_TEMPLATED = re.compile(r"\{\{|\{%|<%|\$\{")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
INDEX_NAMES = ("README.md", "index.md", "_index.md")
PSEUDO_PATHS = ("-", "<text>", "<stdin>")


class LinkStatus(str, Enum):
    EXTERNAL = "external"
    UNKNOWN = "cannot be resolved with confidence"  # no finding (SPEC §8.11)
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
    """Resolve link targets of one document against the project on disk. `root` is the project
    root already resolved (`Project.root`): a resolver is made for every document and for every
    plan that may link to one, and resolving the root again for each was a system call per
    folder of its path each time (issue 15)."""

    def __init__(
        self,
        doc_path: str,
        root: Path | None,
        loader: Loader | None,
        self_analysis: Analysis | None = None,
        index: Index | None = None,
        link_roots: tuple[str, ...] = (),
    ) -> None:
        self.doc_path = doc_path
        self.link_roots = link_roots
        self.root = root
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
        if _TEMPLATED.search(target):
            return Resolved(LinkStatus.UNKNOWN)  # "{{ site.baseurl }}/x.html": the site fills it
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
        if path_part.startswith("/"):
            if self.root is None:
                return Resolved(LinkStatus.UNKNOWN, path_part, anchor)
            found = self._site_absolute(path_part)
            if found is None:
                return Resolved(LinkStatus.UNKNOWN, path_part, anchor)
            candidate = found
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

    def _site_absolute(self, path_part: str) -> Path | None:
        """The file a site-absolute link (`/handbook/sales/`) names: tried under each configured
        link root, else the usual docs-site source folders (SPEC §8.11); None when none holds it."""
        assert self.root is not None
        rel = posixpath.normpath(path_part.lstrip("/"))
        roots = list(self.link_roots) or list(_SITE_ROOTS)
        if not self.link_roots:
            roots += sorted(str(p.relative_to(self.root)) for p in self.root.glob("sites/*/source"))
        for r in roots:
            base = self.root / r / rel
            for cand in (
                base,
                base.with_name(base.name + ".md"),
                base.with_name(base.name + ".html.md"),
                *(base / n for n in INDEX_NAMES),
                base / "index.html.md",
            ):
                self._note(cand)
                if cand.is_file():
                    return cand
        return None

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
                return Resolved(
                    _not_strategy(analysis, _component_group(analysis, sec)),
                    path,
                    anchor,
                    (),
                    analysis,
                )
            return Resolved(LinkStatus.STRATEGY, path, anchor, inside, analysis)
        if not scopes:
            return Resolved(_not_strategy(analysis, None), path, anchor, (), analysis)
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


def _not_strategy(analysis: Analysis, sections: set[int] | None) -> LinkStatus:
    """Known not to be a strategy (SPEC §8.11) when nothing there is even headed as one, or when
    the genre model read the strategy-headed sections, weighted by their own statements, as
    confidently something else ("Weekly prospecting strategy" over a rep's routine, §8.9). A
    strategy heading whose content is merely unconfirmed leaves the question open."""
    from stratlint.model import Kind
    from stratlint.understand.learn.models import MATERIAL, OTHER_FLOOR

    hinted = [
        i
        for i, k in enumerate(analysis.hints)
        if k == Kind.STRATEGY and (sections is None or i in sections)
    ]
    if not hinted:
        if _titled_strategy(analysis, sections):
            return LinkStatus.UNKNOWN
        return LinkStatus.NOT_STRATEGY
    weight = total = 0.0
    for i in hinted:
        p = analysis.genre_proba.get(i)
        if p:
            n = len(analysis.doc.sections[i].statements)
            weight += n * sum(p[g] for g in MATERIAL["strategy"])
            total += n
    if total and weight / total < OTHER_FLOOR:
        return LinkStatus.NOT_STRATEGY
    return LinkStatus.UNKNOWN


def _titled_strategy(analysis: Analysis, sections: set[int] | None) -> bool:
    """A heading there names a strategy though the heading words set no kind ("# How we sell:
    strategy 2026–2027", read like "How we write our strategy"): not known to be one, nor known
    not to be (silent unless sure, §8.9)."""
    doc = analysis.doc
    return any(
        _STRATEGY_NAME.search(s.title.lower())
        for s in doc.sections
        if s.level and (sections is None or s.index in sections)
    )


def _component_group(analysis: Analysis, idx: int) -> set[int]:
    """The sections a link to section `idx` is judged on: its own subtree, and where it is headed
    as a strategy, the strategy-headed sections beside it under the same parent with theirs. A
    link to "#how-we-win" points at one component of a strategy made of components ("The
    challenge", "Where we play", "How we win": SPEC §8.3), which is judged as a whole."""
    from stratlint.model import Kind

    out = _subtree(analysis, idx)
    sec = analysis.doc.sections[idx]
    if analysis.hints[idx] != Kind.STRATEGY or sec.parent is None:
        return out
    for sib in analysis.doc.sections[sec.parent].children:
        if sib != idx and analysis.hints[sib] == Kind.STRATEGY:
            out |= _subtree(analysis, sib)
    return out


def _subtree(analysis: Analysis, idx: int) -> set[int]:
    out = {idx}
    stack = [idx]
    while stack:
        for c in analysis.doc.sections[stack.pop()].children:
            out.add(c)
            stack.append(c)
    return out


_SITE_ROOTS = (".", "docs", "content", "source", "src", "website/content")
_STRATEGY_NAME = re.compile(r"(?<![a-z])strateg(?:y|ies)(?![a-z])")
_NOT_A_DOCUMENT = re.compile(r"(?:^|/)(?:blog|posts?|news|press|articles?|videos?|webinars?)/")


def names_strategy(text: str, target: str) -> bool:
    """A candidate strategy link (SPEC §8.11): its text, file name or anchor uses the word
    strategy as the name of a document ("FY26 sales strategy", `sales-strategy.md`, `#strategy`)
    — not a folder or team name (`strategic-alliances/`), not the adjective "strategic", not a
    blog post. P207 when it does not resolve to a strategy."""
    path, _, anchor = target.lower().partition("#")
    path = unquote(path.split("?")[0])
    if _NOT_A_DOCUMENT.search(path):
        return False
    name = posixpath.basename(path.rstrip("/")) if not path.endswith("/") else ""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return bool(
        _STRATEGY_NAME.search(text.lower())
        or _STRATEGY_NAME.search(stem.replace("_", "-"))
        or _STRATEGY_NAME.search(anchor)
    )


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
    keys = {p.name.lower(), quote(p.name, errors="surrogateescape").lower()}
    if p.name in INDEX_NAMES and p.parent.name:
        keys |= {p.parent.name.lower(), quote(p.parent.name, errors="surrogateescape").lower()}
    return tuple(sorted(keys))
