"""An item in the imperative among a plan's sure action items is an action item too (SPEC §8.4:
"a commitment to do something — with or without owner and date").

The class model reads a short imperative item on its own ("Redo the website.", "Print the new
menu inserts.", "Ask every finished customer for a Google review.") and is often unsure of it, or
calls it context. In a section confirmed as plan material (§8.9) whose other items are mostly
sure actions, the list itself says what its items are: the imperative item is read as a sure
action, so the plan rules hold it to an owner and a date like its neighbours. Precision first,
the item must be an imperative list item the class model gives some weight as an action, and two
thirds of its neighbours must be sure actions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from stratlint.model import Cls, Document, Kind
from stratlint.understand.classify import Evidence, Verdict
from stratlint.understand.nlp import Signals
from stratlint.understand.shape import shape_of

_ACTION_FLOOR = 0.3  # the class model's own p(ACTION): some weight, not none
_NEIGHBOURS = 2 / 3  # the share of the other items that are sure actions (as D402's two thirds)


def actions_among_actions(
    doc: Document,
    signals: Sequence[Signals],
    verdicts: dict[int, Verdict],
    kinds: Sequence[Kind],
    class_proba: Mapping[int, Mapping[str, float]],
    unsure: set[int],
) -> None:
    """Read as sure actions, in place, the imperative items of confirmed plan sections whose other
    items are mostly sure actions (`unsure`: the statements below their class threshold)."""
    for sec in doc.sections:
        if kinds[sec.index] != Kind.PLAN:
            continue
        items = [
            i
            for i in sec.statements
            if doc.statements[i].form == "item" and not doc.statements[i].is_field and i in verdicts
        ]
        sure = {i for i in items if verdicts[i].cls == Cls.ACTION and i not in unsure}
        if len(items) < 3 or len(sure) < _NEIGHBOURS * (len(items) - 1):
            continue  # an item's neighbours are the other items: two thirds must be sure actions
        for i in items:
            if i in sure or not _imperative_action(i, verdicts, class_proba, signals):
                continue
            v = verdicts[i]
            verdicts[i] = replace(
                v,
                cls=Cls.ACTION,
                evidence=(Evidence("plan item", "an imperative among actions"),) + v.evidence,
            )
            unsure.discard(i)


def _imperative_action(
    i: int,
    verdicts: Mapping[int, Verdict],
    class_proba: Mapping[int, Mapping[str, float]],
    signals: Sequence[Signals],
) -> bool:
    p = class_proba.get(i)
    return (
        p is not None
        and p["ACTION"] >= _ACTION_FLOOR
        and verdicts[i].cls in (Cls.CONTEXT, Cls.ACTION)
        and shape_of(signals[i].tokens).frame == "imperative"
    )
