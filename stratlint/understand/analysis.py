"""Classify a parsed Document: section kinds, statement classes, and the strategy / plan / goals
scopes the rules judge (SPEC §2 and §8.3, §8.5).

The result, `Analysis`, is what rules see: they never touch Markdown. The records are in
`records`, the learned confirmation in `confirm`, the models' inputs in `inputs`, the scopes in
`scopes`; this module puts them together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from stratlint.model import Cls, Document, Kind
from stratlint.understand.classify import Verdict, classify
from stratlint.understand.confirm import confirm_kinds, learned_classes
from stratlint.understand.headings import HeadingKind, heading_is_statement, heading_kind
from stratlint.understand.inputs import statement_rows
from stratlint.understand.learn import models as learned
from stratlint.understand.list_actions import actions_among_actions
from stratlint.understand.nlp import Signals, analyse
from stratlint.understand.page_kinds import front_matter_type, page_readings
from stratlint.understand.records import Analysis, Scope
from stratlint.understand.scopes import build_scopes, judge_sections

__all__ = ["Analysis", "Scope", "analyse_document"]


def analyse_document(
    doc: Document,
    signals: Sequence[Signals] | None = None,
    sections_extra: Mapping[str, list[str]] | None = None,
    lexicon_extra: Mapping[str, list[str]] | None = None,
    use_models: bool = True,
) -> Analysis:
    if signals is None:
        signals = analyse([s.text for s in doc.statements], lexicon_extra)
    extra = dict(sections_extra or {})
    hk = tuple(
        heading_kind(s.title, extra) if s.level else HeadingKind(None, None) for s in doc.sections
    )
    fm_kind = _front_matter_kind(doc)
    top = doc.title if doc.title is not None else 0
    kinds = _heading_kinds(doc, hk, fm_kind)
    verdicts, parents = _hand_verdicts(doc, signals, hk, kinds)

    hints = tuple(kinds)
    models = learned.get() if use_models else None
    learnt = (
        _learned(doc, signals, verdicts, parents, hk, kinds, fm_kind, models)
        if models is not None
        else {}
    )
    page_readings(doc, hk, kinds)
    a = Analysis(
        doc,
        tuple(signals),
        hk,
        tuple(kinds),
        verdicts,
        top,
        parents=parents,
        lexicon_extra=dict(lexicon_extra or {}),
        hints=hints,
        **learnt,
    )
    judge_sections(a)
    build_scopes(a)
    a.has_strategy_label = _names_a_strategy(hints, hk)
    return a


def _learned(
    doc: Document,
    signals: Sequence[Signals],
    verdicts: dict[int, Verdict],
    parents: set[int | None],
    hk: Sequence[HeadingKind],
    kinds: list[Kind],
    fm_kind: Kind | None,
    models: learned.Models,
) -> dict[str, Any]:
    """The learned readings (statement classes and tags, section genres and domains), as the
    Analysis fields that hold them. Replaces unsure verdicts' classes and unconfirmed kinds."""
    hints = tuple(kinds)
    unsure_statements: set[int] = set()
    replaced: dict[int, Verdict] = {}  # applied after the genre model has read the hand verdicts
    class_proba, tags = learned_classes(
        doc,
        lambda i: statement_rows(doc, signals, verdicts, hints, parents, i, models.statement_rows),
        verdicts,
        models,
        unsure_statements,
        replaced,
    )
    genre_proba, unsure, technical_proba = confirm_kinds(
        doc, signals, verdicts, hk, kinds, fm_kind, models, class_proba
    )
    verdicts.update(replaced)
    actions_among_actions(doc, signals, verdicts, kinds, class_proba, unsure_statements)
    return {
        "genre_proba": genre_proba,
        "technical_proba": technical_proba,
        "class_proba": class_proba,
        "unsure": unsure,
        "tag_proba": tags if tags is not None else {},
        "tag_thresholds": dict(models.thresholds.get("tags", {})),
        "absence_floors": dict(models.thresholds.get("absence", {})),
        "described_floor": float(models.thresholds.get("described", 1.01)),
        "unsure_statements": unsure_statements,
    }


def _names_a_strategy(hints: Sequence[Kind], hk: Sequence[HeadingKind]) -> bool:
    """A heading that names a strategy counts even when its content was not confirmed: unsure
    whether the document has a strategy, the plan beside it is not called strategy-less."""
    return any(k == Kind.STRATEGY for k in hints) or any(h.kind == Kind.MIXED for h in hk)


def _front_matter_kind(doc: Document) -> Kind | None:
    """The kind front matter `type:` declares for the whole document, if any."""
    fm_type = front_matter_type(doc)
    return {
        "strategy": Kind.STRATEGY,
        "plan": Kind.PLAN,
        "goals": Kind.GOALS,
        "okr": Kind.GOALS,
        "okrs": Kind.GOALS,
    }.get(fm_type)


def _heading_kinds(doc: Document, hk: Sequence[HeadingKind], fm_kind: Kind | None) -> list[Kind]:
    """The kind each section's heading suggests, inherited down from the nearest heading that
    names one. The document's top level (the preamble, and the title when there is one) takes
    front matter `type:`; otherwise the title's own heading words."""
    kinds: list[Kind] = []
    for s in doc.sections:
        own = hk[s.index].kind
        if s.index == 0:
            k = (
                fm_kind
                or (hk[doc.title].kind if doc.title is not None and hk[doc.title].kind else None)
                or Kind.OTHER
            )
        elif s.index == doc.title:
            k = fm_kind or own or Kind.OTHER
        elif own is not None:
            k = own
        else:
            k = kinds[s.parent] if s.parent is not None else Kind.OTHER
        kinds.append(k)
    return kinds


def _hand_verdicts(
    doc: Document, signals: Sequence[Signals], hk: Sequence[HeadingKind], kinds: Sequence[Kind]
) -> tuple[dict[int, Verdict], set[int | None]]:
    """The hand-written classifier's verdict on each statement (a heading only where it says
    something definite), and the statements that head sub-items."""
    verdicts: dict[int, Verdict] = {}
    parents: set[int | None] = {
        st.parent for st in doc.statements if st.parent is not None and not st.is_field
    }
    for st in doc.statements:
        if st.quoted:
            continue
        sig = signals[st.index]
        kind = kinds[st.section]
        if st.form == "heading":
            if st.section == doc.title or st.section == 0:
                continue
            if not heading_is_statement(st.text, sig, hk[st.section]):
                continue
            v = classify(st, sig, kind, is_heading=True)
            if (
                v.cls == Cls.CONTEXT
                or (v.cls == Cls.ACTION and not v.specific)
                or (v.cls == Cls.CHOICE and not (v.who or v.why))
            ):
                continue  # a heading counts only where it says something definite
            verdicts[st.index] = v
            continue
        verdicts[st.index] = classify(st, sig, kind, has_children=st.index in parents)
    return verdicts, parents
