"""From section kinds to what the rules judge: mixed and mislabeled sections (D401, D402) and the
strategy, plan and goals scopes (SPEC §8.3, §8.5)."""

from __future__ import annotations

import re

from stratlint.model import Cls, Kind, Section, Statement
from stratlint.understand.page_kinds import aspiration_of_strategy, front_matter_type
from stratlint.understand.records import CLASSIFIED, Analysis, Scope


def _labelled(a: Analysis, sec: Section) -> Kind | None:
    """The kind a section's label gives it (heading words, or front matter for the top), when its
    content confirmed it (SPEC §8.9). A heading with no kind word right under the page's title
    is labelled by the title it inherits from (§2.3): "## How we get there" under "# Ridgeline
    Sales Strategy 2026"; deeper, one is labelled by its parent's own kind word ("### How we get
    there" under "## Education strategy"). An inherited kind is not taken as a label through a
    heading with no kind word: on the seen real pages that put D402 on a volunteer group's
    "What we'll do" lists under each theme of its strategy page. A page with no title that its
    front matter declares a strategy or plan labels its top sections so ("## Netherlands 2027",
    all actions, on a `type: strategy` page is D402, not four S102s)."""
    if sec.index in a.unsure:
        return None
    if sec.index in (0, a.doc.title):
        k = a.kinds[sec.index]
        return k if k != Kind.OTHER else None
    own = a.heading_kinds[sec.index].kind
    # what labels the top sections: the page's title, or with none, its front matter's `type:`
    labeller = a.doc.title if a.doc.title is not None else (0 if front_matter_type(a.doc) else None)
    if own is None and labeller is not None and sec.parent == labeller:
        k = a.kinds[sec.index]
        return k if k in (Kind.STRATEGY, Kind.PLAN) else None
    if own is None and sec.parent is not None and sec.parent not in (0, a.doc.title):
        parent = a.heading_kinds[sec.parent].kind
        if parent in (Kind.STRATEGY, Kind.PLAN) and a.kinds[sec.index] == parent:
            return parent
    return own


def own_statements(a: Analysis, sec: Section) -> list[Statement]:
    """The statements D401 and D402 judge a section on: its own, with the preamble's for the
    page's top section, none quoted or a field."""
    ids = list(sec.statements)
    if sec.index == a.top and a.top != 0:
        ids = list(a.doc.sections[0].statements) + ids
    sts = (a.doc.statements[i] for i in ids)
    return [st for st in sts if not st.quoted and not st.is_field]


def _own_classified(a: Analysis, sec: Section) -> list[Cls]:
    return [c for c in (a.cls(st) for st in own_statements(a, sec)) if c in CLASSIFIED]


# The class model's probability of a choice at which a statement it calls context is a doubtful
# choice: not foreign to a strategy section (D402), a choice beside a sure one in a plan (D401).
DOUBTFUL_CHOICE = 0.25


def _doubtful_choices(a: Analysis, sec: Section) -> int:
    """Items of a strategy section read as context that the class model gives a fair chance of
    being a choice ("Go after the new knee-instrument line, not the implant work"): D402 says a
    section is mostly foreign, so precision first, they count as not foreign (SPEC §8.9)."""
    return sum(
        1
        for i in sec.statements
        if a.doc.statements[i].form in ("item", "row")
        and a.cls(a.doc.statements[i]) == Cls.CONTEXT
        and not a.doc.statements[i].is_field
        and a.class_proba.get(i, {}).get("CHOICE", 0.0) >= DOUBTFUL_CHOICE
    )


def judge_sections(a: Analysis) -> None:
    """D401 / D402 (SPEC §8.5): mixed and mislabeled sections."""
    for sec in a.doc.sections:
        if sec.index == 0 and a.top != 0:
            continue
        label = _labelled(a, sec)
        if a.heading_kinds[sec.index].kind == Kind.MIXED and sec.index != a.doc.title:
            # A heading that joins two kinds is D401 where its content is strategy or plan
            # material (§8.9): "## Strategy and plan" over a template's placeholders is not.
            if a.kinds[sec.index] != Kind.OTHER:
                a.mixed[sec.index] = "heading"
            continue
        classes = _own_classified(a, sec)
        kind = a.kinds[sec.index]
        if label in (Kind.STRATEGY, Kind.PLAN) and len(classes) >= 3:
            if label == Kind.STRATEGY:
                foreign = sum(1 for c in classes if c in (Cls.GOAL, Cls.ACTION))
            else:
                foreign = sum(1 for c in classes if c == Cls.CHOICE)
            total = len(classes) + (_doubtful_choices(a, sec) if label == Kind.STRATEGY else 0)
            if foreign * 3 >= 2 * total:
                a.mislabeled[sec.index] = (label, _dominant(classes, label), foreign, len(classes))
                continue
        if (
            kind in (Kind.STRATEGY, Kind.PLAN)
            and classes.count(Cls.CHOICE) >= 2
            and classes.count(Cls.ACTION) >= 2
        ):
            a.mixed[sec.index] = "content"


def _dominant(classes: list[Cls], label: Kind) -> Kind:
    if label == Kind.PLAN:
        return Kind.STRATEGY
    goals = classes.count(Cls.GOAL)
    actions = classes.count(Cls.ACTION)
    return Kind.GOALS if goals > actions else Kind.PLAN


# Words that name no strategy of their own (years aside): "## Strategy", "## Our strategic pillars".
_PLAIN = frozenset({"our", "the", "a", "an", "and", "of", "for"})


def _qualified(a: Analysis, idx: int) -> bool:
    """A strategy heading that names which strategy ("Commercial lines strategy"), not only the
    kind ("Strategy", "Strategic pillars": parts of the page's one strategy, SPEC §8.3)."""
    kind_words = {w for phrase in a.heading_kinds[idx].words for w in phrase.lower().split()}
    words = re.findall(r"[a-z0-9']+", a.doc.sections[idx].title.lower())
    return any(w not in kind_words and w not in _PLAIN and not w.isdigit() for w in words)


def _is_title_role(a: Analysis, idx: int) -> bool:
    return a.heading_kinds[idx].role == "title"


def build_scopes(a: Analysis) -> None:
    """The strategy, plan and goals scopes, each sorted by line."""
    b = _ScopeBuilder(a)
    for kind, target in (
        (Kind.STRATEGY, a.strategies),
        (Kind.PLAN, a.plans),
        (Kind.GOALS, a.goals),
    ):
        b.build(kind, target)
        target.sort(key=lambda s: s.line)


class _ScopeBuilder:
    """Walks the section tree from the top level, grouping sections of one kind into scopes."""

    def __init__(self, a: Analysis) -> None:
        self.a = a
        doc = a.doc
        # D401/D402 never take a section's label away (SPEC §8.5): only a heading that joins two
        # kinds puts a section outside every scope.
        self.excluded = {i for i, why in a.mixed.items() if why == "heading"}
        self.top = top = a.top
        # Children of the top level: the title's children, and any H2s beside the title.
        self.top_children: list[int] = []
        if top != 0:
            for c in doc.sections[0].children:
                if c == top:
                    self.top_children.extend(doc.sections[top].children)
                else:
                    self.top_children.append(c)
        else:
            self.top_children = list(doc.sections[0].children)

    def children(self, idx: int) -> list[int]:
        return self.top_children if idx == self.top else list(self.a.doc.sections[idx].children)

    def subtree(self, idx: int, kind: Kind, out: list[int], nested: list[int]) -> None:
        a = self.a
        out.append(idx)
        if idx == self.top and self.top != 0:
            out.append(0)
        for c in self.children(idx):
            if (
                a.kinds[c] == kind
                and c not in self.excluded
                and (
                    a.heading_kinds[c].kind in (None, kind)
                    or (kind == Kind.STRATEGY and aspiration_of_strategy(a.doc, a.heading_kinds, c))
                )
            ):
                self.subtree(c, kind, out, nested)
            else:
                nested.append(c)

    def visit(self, sibs: list[int], kind: Kind, target: list[Scope]) -> None:
        a, doc = self.a, self.a.doc
        groups: list[list[int]] = []
        pending: list[int] = []
        for c in sibs:
            if a.kinds[c] == kind and c not in self.excluded:
                if _is_title_role(a, c):
                    groups.append(pending + [c])
                    pending = []
                elif groups:
                    groups[-1].append(c)
                else:
                    pending.append(c)
            else:
                self.visit(self.children(c), kind, target)
        if pending:
            groups.append(pending)
        for g in groups:
            secs: list[int] = []
            nested: list[int] = []
            for root in g:
                self.subtree(root, kind, secs, nested)
            first = doc.sections[g[0]]
            line = first.line
            title = first.title or doc.name
            target.append(Scope(kind, tuple(sorted(set(secs))), tuple(g), line, title))
            self.visit(nested, kind, target)

    def build(self, kind: Kind, target: list[Scope]) -> None:
        a, doc, top = self.a, self.a.doc, self.top
        if not (a.kinds[top] == kind and top not in self.excluded):
            self.visit(self.children(top), kind, target)
            return
        titled = [
            c
            for c in self.children(top)
            if a.kinds[c] == kind
            and _is_title_role(a, c)
            and c not in self.excluded
            and a.heading_kinds[c].kind == kind
        ]
        if kind == Kind.STRATEGY and sum(_qualified(a, c) for c in titled) >= 2:
            self.visit(self.children(top), kind, target)
            if target:
                first = target[0]
                extra = (top, 0) if top != 0 else (0,)
                target[0] = Scope(
                    kind,
                    tuple(sorted(set(first.sections + extra))),
                    first.roots,
                    first.line,
                    first.title,
                )
            return
        secs: list[int] = []
        nested: list[int] = []
        self.subtree(top, kind, secs, nested)
        line = doc.sections[top].line if top != 0 else 1
        title = doc.sections[top].title or doc.name
        target.append(Scope(kind, tuple(sorted(set(secs))), (top,), line, title))
        self.visit(nested, kind, target)
