"""A plan's initiatives, and whether one serves a strategy pillar: by an explicit
`Supports: <pillar>` field, a link to the pillar's heading anchor, or shared key terms (lemmas of
content words that are not generic sales vocabulary)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from stratlint.checks._items import not_a_commitment
from stratlint.checks._pillars import Pillar, heading_words
from stratlint.model import Cls, Kind
from stratlint.understand.analysis import Analysis, Scope
from stratlint.understand.classify import content_words

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
    """The plan's initiatives, in line order: its subsections that hold actions or goals, and the
    top-level action or goal items of its containers."""
    key = ("initiatives", scope.line)
    if key not in a.memo:  # a plan is compared with every strategy: work it out once
        containers: list[int] = []
        out = _section_initiatives(a, scope, containers)
        out += _item_initiatives(a, containers)
        out.sort(key=lambda x: x.line)
        a.memo[key] = out
    return list(a.memo[key])


def _section_initiatives(a: Analysis, scope: Scope, containers: list[int]) -> list[Initiative]:
    """Initiatives that are sections; the sections that hold them as items go into `containers`."""
    doc = a.doc
    out: list[Initiative] = []
    for root in scope.roots:
        containers.append(root)
        if root == a.top and a.top != 0:
            containers.append(0)
        for c in doc.sections[root].children:
            if c not in scope.sections or a.mixed.get(c) == "heading":
                continue
            words = heading_words(a, c)
            if words & _PLAN_CONTAINER:
                containers.append(c)
                containers.extend(
                    k
                    for k in doc.sections[c].children
                    if k in scope.sections and not heading_words(a, k)
                )
                continue
            if a.heading_kinds[c].kind not in (None, Kind.PLAN):
                continue
            sub = _subtree(a, c)
            ids = sorted(i for k in sub for i in doc.sections[k].statements)
            sts = [doc.statements[i] for i in ids if not doc.statements[i].quoted]
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
    return out


def _item_initiatives(a: Analysis, containers: list[int]) -> list[Initiative]:
    """Initiatives that are top-level action or goal items of `containers`."""
    doc = a.doc
    out: list[Initiative] = []
    for c in containers:
        sec_sup = tuple(f.value for f in doc.sections[c].fields if f.label == "supports")
        for i in doc.sections[c].statements:
            st = doc.statements[i]
            if st.quoted or st.form not in ("item", "row") or st.depth != 0 or st.is_field:
                continue
            if a.cls(st) not in (Cls.ACTION, Cls.GOAL) or not_a_commitment(st):
                continue  # a fact sheet's "| Renewal date | 30 September 2027 |", a cost line
            subs = a.children(st.index)
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
    return out


def _subtree(a: Analysis, idx: int) -> set[int]:
    out = {idx}
    stack = [idx]
    while stack:
        for c in a.doc.sections[stack.pop()].children:
            out.add(c)
            stack.append(c)
    return out


class Served:
    """Whether any of many initiatives serves a pillar, without trying each one: shared key terms
    are looked up in the union of their terms; only initiatives with a `Supports:` value or a link
    are tried one by one. A long file of plans and strategies stays linear in its pillars."""

    def __init__(self, inits: list[Initiative]) -> None:
        self.terms: set[str] = set().union(*(i.terms for i in inits)) - GENERIC
        self.referring = [i for i in inits if i.supports or i.links]

    def __call__(self, pillar: Pillar, strict: bool = False) -> bool:
        terms = (pillar.key or pillar.terms) if strict else pillar.terms
        if (terms - GENERIC) & self.terms:
            return True
        return any(serves(i, pillar, strict) for i in self.referring)


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
