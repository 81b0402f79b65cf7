"""Confident content (SPEC §8.9): a section is strategy or plan material when enough of its own
statements are confidently goals, choices or actions, and the genre model does not read it as
something else."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from stratlint import lexicon
from stratlint.model import Kind, Section, Statement
from stratlint.read.fields import FIELD_LABELS
from stratlint.understand.learn import models as learned
from stratlint.understand.nlp import Signals
from stratlint.understand.shape import shape_of


def confident_content(
    own: Sequence[int],
    class_proba: Mapping[int, Mapping[str, float]],
    models: learned.Models,
    material: float,
    genre: Mapping[str, float],
    targeted: bool = False,
    signals: Sequence[Signals] | None = None,
) -> bool:
    """At least `share` of a section's own statements are goals, choices or actions with a
    probability of at least `p` (thresholds.yaml, `content`). In a section of `floor_from` or more
    statements the genre model must also read it as more likely material than not (`floor`):
    confident actions alone do not make a status page, an event timeline or a requirements list a
    plan. Below that length the genre model has too little to read (a one-item "## Plan"), unless
    it reads one genre that is neither with at least `veto`: two choices in a team page's
    "## Our approach" do not make it a strategy. A plan whose heading sets an outcome target
    (`targeted`, `plan_target`) needs no `floor`: the target is what a procedure lacks. Given a
    plan section's `signals`, a person's step counts as confident content (`person_steps`)."""
    rule = models.thresholds.get("content") or {}
    p_min, share = float(rule.get("p", 1.01)), float(rule.get("share", 1.01))
    floor = 0.0 if targeted else float(rule.get("floor", 0.0))
    if material < floor and len(own) >= int(rule.get("floor_from", 0)):
        return False
    if max(genre[g] for g in NEITHER) >= float(rule.get("veto", 1.01)):
        return False
    scored = [(i, class_proba[i]) for i in own if i in class_proba]
    if not scored:
        return False
    steps = person_steps(own, signals, class_proba) if signals is not None else frozenset()
    sure = sum(
        1 for i, p in scored if max(p["GOAL"], p["CHOICE"], p["ACTION"]) >= p_min or i in steps
    )
    return sure >= 1 and sure / len(scored) >= share


# Genres that are neither strategy nor plan material and that the genre model can read from a
# few lines (a team blurb, a procedure's steps, customer copy, a review of what was done).
NEITHER = ("team", "procedure", "copy", "retrospective", "reference")


_DIGIT = re.compile(r"\d")


def plan_target(sec: Section, kind: Kind) -> bool:
    """A plan's heading with a target field under it that holds a number ("Goal: 60 new
    maintenance agreements with restaurants before Memorial Day", "KPI: 35% close rate"): SPEC
    §8.9's procedure tells how to do a recurring task "with no period and no outcome target", so
    where the genre model hesitates between a plan and a procedure, the target decides."""
    return kind == Kind.PLAN and any(
        f.label in ("target", "kpi") and _DIGIT.search(f.value) for f in sec.fields
    )


_DEFINES = re.compile(r"\b(?:definitions?|meanings?|what it means)\b", re.IGNORECASE)
_PLAN_COLUMNS = frozenset({"owner", "due", "target", "kpi", "budget"})


def definition_table(sts: Sequence[Statement]) -> bool:
    """A section whose content is only the rows of a table with a column of definitions ("| Name |
    Definition | Function description |") and no owner, date, target or budget column: a
    reference table (SPEC §8.9), not a plan's items, whatever kind its heading inherits. The
    genre model read such tables under a "Preservation Action Plan" title as plan material at up
    to 0.98 (judging25: six P204 on format specifications, judged wrong by two judges)."""
    if not sts or any(st.form != "row" for st in sts):
        return False
    heads = {h.strip().lower() for st in sts for h, _ in st.cells}
    return any(_DEFINES.search(h) for h in heads) and not any(
        FIELD_LABELS.get(h) in _PLAN_COLUMNS for h in heads
    )


def person_steps(
    own: Sequence[int], signals: Sequence[Signals], class_proba: Mapping[int, Mapping[str, float]]
) -> frozenset[int]:
    """The statements of a plan section where a person does something (`person_step`) and the
    class model gives some weight (0.2) to an action: they count as its confident content."""
    return frozenset(
        i
        for i in own
        if class_proba.get(i, {}).get("ACTION", 0.0) >= 0.2 and person_step(signals[i])
    )


def person_step(sig: Signals) -> bool:
    """A person named by a given name does something in the present ("Dale visits every 2026
    account before Christmas", "Marisol calls the lapsed yacht clubs"): a plan's step with its
    owner (SPEC §8.4), which the class model, reading a present-tense sentence, takes for a fact."""
    shape = shape_of(sig.tokens)
    words = shape.subject.split()
    if shape.frame != "present" or not 1 <= len(words) <= 2 or shape.verb < 0:
        return False
    first = words[0]
    if not (len(first) > 1 and first[0].isupper() and first[1:].islower() and first.isalpha()):
        return False
    return first.lower() in lexicon.first_names() and sig.tokens[shape.verb].lower not in _BE_HAVE


_BE_HAVE = frozenset({"is", "are", "was", "were", "be", "has", "have", "had"})
