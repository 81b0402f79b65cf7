"""What the understanding layer hands the checks: `Analysis` (section kinds, statement classes,
the learned probabilities) and the strategy, plan and goals `Scope`s in it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from stratlint.model import Cls, Document, Kind, Statement
from stratlint.understand.classify import Verdict
from stratlint.understand.headings import HeadingKind
from stratlint.understand.nlp import Signals

CLASSIFIED = (Cls.GOAL, Cls.CHOICE, Cls.ACTION)


@dataclass(frozen=True)
class Scope:
    """A strategy, plan or goals: sections judged together, reported at `line`."""

    kind: Kind
    sections: tuple[int, ...]
    roots: tuple[int, ...]  # the sections that make up the group at its own level
    line: int
    title: str


@dataclass
class Analysis:
    doc: Document
    signals: tuple[Signals, ...]
    heading_kinds: tuple[HeadingKind, ...]
    kinds: tuple[Kind, ...]  # effective kind of each section
    verdicts: dict[int, Verdict]
    top: int  # section that stands for the document's top level (title, or preamble)
    strategies: list[Scope] = field(default_factory=list)
    plans: list[Scope] = field(default_factory=list)
    goals: list[Scope] = field(default_factory=list)
    mislabeled: dict[int, tuple[Kind, Kind, int, int]] = field(default_factory=dict)
    mixed: dict[int, str] = field(default_factory=dict)
    has_strategy_label: bool = False
    lexicon_extra: Mapping[str, list[str]] = field(default_factory=dict)  # user's lexicon additions
    parents: set[int | None] = field(default_factory=set)  # statements that head sub-items
    hints: tuple[Kind, ...] = ()  # the kind each section's heading (or front matter) suggests
    genre_proba: Mapping[int, dict[str, float]] = field(default_factory=dict)  # section → genre → p
    technical_proba: dict[int, float] = field(default_factory=dict)  # section → p(technical)
    class_proba: Mapping[int, dict[str, float]] = field(
        default_factory=dict
    )  # statement → class → p
    unsure: dict[int, str] = field(default_factory=dict)  # section → why its hint was not confirmed
    tag_proba: Mapping[int, dict[str, float]] = field(default_factory=dict)  # statement → tag → p
    tag_thresholds: Mapping[str, float] = field(default_factory=dict)
    # The lower probability at which a tag is evidence enough to stay silent on a "missing …"
    # finding (thresholds.yaml `absence`): precision first, a rule that says something is absent
    # speaks only when the tag model sees next to no sign of it.
    absence_floors: Mapping[str, float] = field(default_factory=dict)
    # The class model's probability of context at which a statement describes how things stand
    # (thresholds.yaml `described`): the diagnosis, not a sign of why customers buy.
    described_floor: float = 1.01
    unsure_statements: set[int] = field(default_factory=set)  # class below its threshold
    # What checks work out once per document and reuse (the plan's initiatives for every
    # strategy it is compared with, the statements under each item): keyed by the check's module.
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def children(self, idx: int) -> list[Statement]:
        """The statements directly under statement `idx` (its sub-items), in document order."""
        index = self.memo.get("children")
        if index is None:
            index = {}
            for st in self.doc.statements:
                if st.parent is not None:
                    index.setdefault(st.parent, []).append(st)
            self.memo["children"] = index
        return list(index.get(idx, ()))

    def statements_of(self, scope: Scope, headings: bool = True) -> list[Statement]:
        """The scope's statements in document order (headings only where they are statements).

        Reads only the scope's own sections, so a document with many scopes stays linear.
        """
        doc = self.doc
        ids: list[int] = []
        for si in scope.sections:
            sec = doc.sections[si]
            if headings and sec.heading is not None and sec.heading in self.verdicts:
                ids.append(sec.heading)
            ids.extend(sec.statements)
        ids.sort()
        return [doc.statements[i] for i in ids if not doc.statements[i].quoted]

    def cls(self, st: Statement) -> Cls:
        v = self.verdicts.get(st.index)
        return v.cls if v else Cls.CONTEXT

    def sure(self, st: Statement) -> bool:
        """The statement's class is confident enough for a statement-level finding (§8.9)."""
        return st.index not in self.unsure_statements

    def tagged(self, st: Statement, tag: str) -> bool:
        """The tag model is sure the statement carries `tag` (who, why, challenge, tradeoff,
        owner, deadline, metric). It only ever adds evidence that something is there, so it can
        silence a "missing …" finding, never raise one."""
        p = self.tag_proba.get(st.index)
        return p is not None and p.get(tag, 0.0) >= self.tag_thresholds.get(tag, 1.01)

    def hinted(self, st: Statement, tag: str) -> bool:
        """The tag model sees some sign of `tag` in the statement, below its sure threshold but
        at or above its `absence` floor: enough doubt to keep a "missing …" finding silent."""
        p = self.tag_proba.get(st.index)
        return p is not None and p.get(tag, 0.0) >= self.absence_floors.get(tag, 1.01)

    def scope_of(self, section: int) -> Scope | None:
        for sc in self.strategies + self.plans + self.goals:
            if section in sc.sections:
                return sc
        return None
