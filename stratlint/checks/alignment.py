"""Traceability between strategy pillars and plan initiatives: A301, A302.

A plan item serves a pillar by, in order: an explicit `Supports: <pillar>` field, a link to the
pillar's heading anchor, or shared key terms (lemmas of content words that are not generic sales
vocabulary).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from stratlint.checks._registry import Context, Hit, check, quote
from stratlint.links import LinkStatus
from stratlint.model import Cls, Kind
from stratlint.understand.analysis import Analysis, Scope
from stratlint.understand.classify import content_words

_COMPONENT = {
    "where we play",
    "where to play",
    "how we win",
    "how to win",
    "target market",
    "target markets",
    "icp",
    "ideal customer",
    "ideal customer profile",
    "value proposition",
    "value prop",
    "why us",
    "why customers buy",
    "why they buy",
    "differentiation",
    "diagnosis",
    "challenge",
    "challenges",
    "the challenge",
    "what we won't do",
    "what we will not do",
    "where we won't play",
    "where we will not play",
    "competitive advantage",
    "target segments",
    "target customers",
    "who we sell to",
    "our customers",
    "guiding policy",
    "thesis",
    "positioning",
    "approach",
}
_CONTAINER = {
    "pillars",
    "pillar",
    "choices",
    "focus areas",
    "focus area",
    "strategic priorities",
    "strategic pillars",
    "strategic choices",
    "big bets",
    "strategic bets",
    "strategy",
    "strategies",
    "go-to-market strategy",
    "gtm strategy",
}
_PLAN_CONTAINER = {
    "plan",
    "plans",
    "action plan",
    "sales plan",
    "execution plan",
    "roadmap",
    "initiatives",
    "initiative",
    "actions",
    "action items",
    "tactics",
    "activities",
    "timeline",
    "milestones",
    "next steps",
    "rollout",
    "execution",
    "to-do",
    "todo",
    "workstreams",
    "30-60-90",
    "operating plan",
    "work plan",
    "workplan",
}
GENERIC = {
    "sale",
    "sales",
    "customer",
    "client",
    "account",
    "team",
    "plan",
    "strategy",
    "pillar",
    "new",
    "grow",
    "growth",
    "revenue",
    "market",
    "win",
    "build",
    "launch",
    "run",
    "make",
    "quarter",
    "year",
    "month",
    "week",
    "owner",
    "due",
    "target",
    "goal",
    "kpi",
    "budget",
    "support",
    "supports",
    "program",
    "process",
    "focus",
    "deal",
    "pipeline",
    "rep",
    "lead",
    "business",
    "company",
    "product",
    "first",
    "key",
    "top",
    "best",
    "more",
    "high",
    "use",
    "get",
    "set",
    "all",
    "one",
    "two",
    "three",
    "increase",
    "improve",
    "drive",
    "create",
    "initiative",
    "priority",
    "action",
    "item",
    "work",
    "time",
    "date",
    "start",
    "end",
    "per",
    "via",
    "across",
    "through",
    "every",
    "each",
    "q1",
    "q2",
    "q3",
    "q4",
    "h1",
    "h2",
    "fy",
    "weekly",
    "monthly",
    "quarterly",
    "review",
    "meeting",
    "hire",
    "ae",
    "sdr",
    "revops",
    "pmm",
    "marketing",
    "cso",
    "cro",
    "vp",
    "head",
    "manager",
    "director",
}


# Parts of a strategy that are not pillars: its diagnosis, its exclusions, its reasons.
_NOT_A_PILLAR = re.compile(
    r"^\W*(?:why us|why they buy|why customers|not for us|who (?:it'?s|we(?:'re)?) not for|"
    r"what we won'?t do|where we won'?t play|won'?t do|we won'?t|not doing|out of scope|"
    r"diagnosis|the challenge|challenges?|what'?s in our way|obstacles?|the problem|situation|"
    r"context|background|where we are|current state|risks?|assumptions?|who we serve|where we play|"
    r"how we win|how to win|target market|icp|ideal customer)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Pillar:
    kind: str  # "section" | "item"
    index: int  # section index or statement index
    text: str
    line: int
    anchor: str
    terms: frozenset[str]  # key terms of the whole pillar (heading and text)
    number: int
    key: frozenset[str] = frozenset()  # its name: the heading, or the item's first sentence


def _words(a: Analysis, idx: int) -> set[str]:
    return set(a.heading_kinds[idx].words)


def pillars_of(a: Analysis, scope: Scope) -> list[tuple[str, int, str]]:
    return [(p.kind, p.index, p.text) for p in pillar_records(a, scope)]


def pillar_records(a: Analysis, scope: Scope) -> list[Pillar]:
    doc = a.doc
    out: list[Pillar] = []
    containers: list[int] = []
    for root in scope.roots:
        containers.append(root)
        if root == a.top and a.top != 0:
            containers.append(0)
        kids = (
            doc.sections[root].children
            if root != a.top
            else [c for c in doc.sections[root].children]
        )
        for c in kids:
            if c not in scope.sections:
                continue
            words = _words(a, c)
            if words & _CONTAINER:
                containers.append(c)
                continue
            if words & _COMPONENT or _NOT_A_PILLAR.search(doc.sections[c].title):
                continue
            sts = [
                doc.statements[i]
                for i in doc.sections[c].statements
                if not doc.statements[i].quoted
            ]
            if not sts:
                continue
            text = doc.sections[c].title + " " + " ".join(s.text for s in sts)
            out.append(
                Pillar(
                    "section",
                    c,
                    doc.sections[c].title,
                    doc.sections[c].line,
                    doc.sections[c].anchor,
                    frozenset(content_words(text)),
                    len(out) + 1,
                    frozenset(content_words(_name(doc.sections[c].title))),
                )
            )
    for c in containers:
        for i in doc.sections[c].statements:
            st = doc.statements[i]
            if st.quoted or st.form not in ("item", "row") or st.depth != 0 or st.is_field:
                continue
            if a.cls(st) != Cls.CHOICE or _NOT_A_PILLAR.match(st.text):
                continue
            subs = [s.text for s in doc.statements if s.parent == st.index]
            first = re.split(r"(?<=[.:;—–])\s", st.text, maxsplit=1)[0]
            out.append(
                Pillar(
                    "item",
                    st.index,
                    st.text,
                    st.line,
                    "",
                    frozenset(content_words(" ".join([st.text, *subs]))),
                    len(out) + 1,
                    frozenset(content_words(first)),
                )
            )
    out.sort(key=lambda p: p.line)
    return [
        Pillar(p.kind, p.index, p.text, p.line, p.anchor, p.terms, n + 1, p.key)
        for n, p in enumerate(out)
    ]


def _name(title: str) -> str:
    """A pillar heading without its number: "Pillar 2: Franchise groups" → "Franchise groups"."""
    return re.sub(
        r"^\W*(?:pillar|priority|choice|bet|theme)?\s*\d*[.:)\-–—]*\s*",
        "",
        title,
        flags=re.IGNORECASE,
    )


@dataclass(frozen=True)
class Initiative:
    kind: str  # "section" | "item"
    index: int
    text: str
    line: int
    column: int
    end_column: int
    terms: frozenset[str]
    supports: tuple[str, ...]
    links: tuple[str, ...]


def initiatives_of(a: Analysis, scope: Scope) -> list[Initiative]:
    doc = a.doc
    out: list[Initiative] = []
    containers: list[int] = []
    for root in scope.roots:
        containers.append(root)
        if root == a.top and a.top != 0:
            containers.append(0)
        for c in doc.sections[root].children:
            if c not in scope.sections or a.mixed.get(c) == "heading":
                continue
            words = _words(a, c)
            if words & _PLAN_CONTAINER:
                containers.append(c)
                containers.extend(
                    k for k in doc.sections[c].children if k in scope.sections and not _words(a, k)
                )
                continue
            if a.heading_kinds[c].kind not in (None, Kind.PLAN):
                continue
            sub = _subtree(a, c)
            sts = [s for s in doc.statements if s.section in sub and not s.quoted]
            if not any(a.cls(s) in (Cls.ACTION, Cls.GOAL) for s in sts):
                continue
            text = " ".join([doc.sections[c].title] + [s.text for s in sts])
            sup = tuple(f.value for s in sts for f in s.fields if f.label == "supports") + tuple(
                f.value for k in sub for f in doc.sections[k].fields if f.label == "supports"
            )
            links = tuple(lk.target for s in sts for lk in s.links)
            out.append(
                Initiative(
                    "section",
                    c,
                    doc.sections[c].title,
                    doc.sections[c].line,
                    1,
                    1,
                    frozenset(content_words(text)),
                    sup,
                    links,
                )
            )
    for c in containers:
        sec_sup = tuple(f.value for f in doc.sections[c].fields if f.label == "supports")
        for i in doc.sections[c].statements:
            st = doc.statements[i]
            if st.quoted or st.form not in ("item", "row") or st.depth != 0 or st.is_field:
                continue
            if a.cls(st) not in (Cls.ACTION, Cls.GOAL):
                continue
            subs = [s for s in doc.statements if s.parent == st.index]
            text = " ".join([st.text] + [s.text for s in subs])
            sup = tuple(f.value for f in st.fields if f.label == "supports") + sec_sup
            cells = tuple(
                v
                for h, v in st.cells
                if h.strip().lower() in ("supports", "pillar", "strategy pillar", "serves")
            )
            links = tuple(lk.target for s in [st, *subs] for lk in s.links)
            out.append(
                Initiative(
                    "item",
                    i,
                    st.text,
                    st.line,
                    st.column,
                    st.end_column,
                    frozenset(content_words(text)),
                    sup + cells,
                    links,
                )
            )
    out.sort(key=lambda x: x.line)
    return out


def _subtree(a: Analysis, idx: int) -> set[int]:
    out = {idx}
    stack = [idx]
    while stack:
        for c in a.doc.sections[stack.pop()].children:
            out.add(c)
            stack.append(c)
    return out


def serves(init: Initiative, pillar: Pillar, strict: bool = False) -> bool:
    """Whether an initiative serves a pillar. `strict` matches shared words against the pillar's
    name only (is the pillar served?); otherwise against all its text (does the item serve any?)."""
    return trace(init, pillar, strict) is not None


def trace(init: Initiative, pillar: Pillar, strict: bool = False) -> tuple[str, str] | None:
    """How an initiative serves a pillar, as (way, evidence), or None: ("supports", the
    `Supports:` or Pillar-column value), ("anchor", the link target) or ("terms", the shared
    key terms, comma-separated). `strict` as in `serves`."""
    for s in init.supports:
        low = s.lower()
        m = re.search(r"(?:pillar|p|#)\s*(\d+)", low)
        if m and int(m.group(1)) == pillar.number:
            return "supports", s
        if low.strip() in ("bau", "business as usual", "hygiene"):
            continue
        sup_terms = content_words(s) - GENERIC
        if sup_terms and sup_terms & (pillar.terms - GENERIC):
            return "supports", s
    for target in init.links:
        if pillar.anchor and target.split("#")[-1].lower() == pillar.anchor and "#" in target:
            return "anchor", target
    terms = (pillar.key or pillar.terms) if strict else pillar.terms
    shared = (init.terms - GENERIC) & (terms - GENERIC)
    return ("terms", ", ".join(sorted(shared))) if shared else None


def is_routine(init: Initiative) -> bool:
    """Routine work (`Supports: BAU`): not expected to serve a pillar."""
    return any(s.strip().lower() in ("bau", "business as usual", "hygiene") for s in init.supports)


def compared_strategies(ctx: Context) -> list[tuple[Analysis, Scope]]:
    """The strategies a document's plans are compared with (A302): its own, then those its
    strategy links resolve to."""
    a = ctx.analysis
    out = [(a, scope) for scope in a.strategies]
    for target in _strategy_targets(a):
        res = ctx.resolver.resolve(target)
        if res.status == LinkStatus.STRATEGY and res.analysis is not None and res.analysis is not a:
            out.extend((res.analysis, scope) for scope in res.scopes)
    return out


def _strategy_targets(a: Analysis) -> list[str]:
    targets = []
    fm = a.doc.front_matter.get("strategy") if a.doc.front_matter else None
    if isinstance(fm, str):
        targets.append(fm)
    targets.extend(lk.target for lk in a.doc.links)
    return targets


def plan_initiatives(ctx: Context, scope: Scope) -> list[Initiative] | None:
    """Initiatives that can serve the strategy `scope`: this document's plans, and plans in other
    documents whose strategy link points at it (the project's reverse index); None if no plan."""
    a = ctx.analysis
    linked = [
        other
        for other, res in ctx.resolver.linked_plans()
        if any(sc.line == scope.line for sc in res.scopes)
    ]
    if not a.plans and not linked:
        return None
    return [i for d in (a, *linked) for p in d.plans for i in initiatives_of(d, p)]


@check("A301")
def strategy_without_plan(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for scope in a.strategies:
        inits = plan_initiatives(ctx, scope)
        if inits is None:
            continue
        for pillar in pillar_records(a, scope):
            if any(serves(i, pillar, strict=True) for i in inits):
                continue
            st_line = pillar.line
            yield ctx.at_line(
                st_line,
                f"Pillar {quote(pillar.text, 60)} has no plan item that serves it: a strategy "
                "without a plan is just a dream.",
                "Add a plan initiative for it with `Supports: <pillar>` (owner, date, target), or "
                "drop the pillar.",
                scope.title,
            )


@check("A302")
def plan_without_pillar(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    pillars = [p for d, s in compared_strategies(ctx) for p in pillar_records(d, s)]
    if not pillars:
        return
    for scope in a.plans:
        for init in initiatives_of(a, scope):
            if is_routine(init) or any(serves(init, p) for p in pillars):
                continue
            if init.kind == "section":
                hit = ctx.at_line(init.line, "", "", scope.title)
            else:
                st = a.doc.statements[init.index]
                hit = ctx.at_statement(st, "", "", scope.title)
            yield Hit(
                hit.line,
                hit.column,
                hit.end_line,
                hit.end_column,
                f"Initiative {quote(init.text, 60)} serves no strategy pillar: a plan without a "
                "strategy is just busy work.",
                "Tie it to a pillar with `Supports: <pillar>` or a link to the pillar's heading, "
                "or mark routine work `Supports: BAU`; otherwise drop it.",
                scope.title,
            )
