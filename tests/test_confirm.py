"""The content route of genre confirmation (SPEC §8.9): a section's confident statements confirm
its kind, unless the genre model reads it as material that is neither."""

from __future__ import annotations

from types import SimpleNamespace

from stratlint.model import Kind
from stratlint.read.parse import parse
from stratlint.understand.confident import confident_content, definition_table, plan_target
from stratlint.understand.learn.models import GENRES

_RULE = {"p": 0.7, "share": 0.34, "floor": 0.5, "floor_from": 5, "veto": 0.7}
_CHOICES = {
    0: {"GOAL": 0.0, "CHOICE": 0.95, "ACTION": 0.02, "CONTEXT": 0.03},
    1: {"GOAL": 0.0, "CHOICE": 0.9, "ACTION": 0.05, "CONTEXT": 0.05},
}


def _genre(**p: float) -> dict[str, float]:
    out = dict.fromkeys(GENRES, 0.0)
    out.update(p)
    return out


def _confirms(genre: dict[str, float], **rule: float) -> bool:
    models = SimpleNamespace(thresholds={"content": _RULE | rule})
    material = genre["strategy"] + genre["mixed"]
    return confident_content([0, 1], _CHOICES, models, material, genre)  # type: ignore[arg-type]


def test_two_confident_choices_confirm_a_short_section_the_genre_model_is_unsure_of():
    assert _confirms(_genre(strategy=0.3, team=0.4, other=0.3))


def test_a_short_section_the_genre_model_reads_as_a_team_page_is_not_confirmed_by_them():
    # "## Our approach" on a team page: two choices, team p=0.75 (round-21 writers).
    assert not _confirms(_genre(strategy=0.11, team=0.75, procedure=0.08, other=0.06))
    assert not _confirms(_genre(strategy=0.1, procedure=0.8, other=0.1))
    # A one-line section reads as a template: too little to read, so no veto.
    assert _confirms(_genre(strategy=0.2, template=0.75, other=0.05))
    # Without a veto in the thresholds, the content route stands.
    assert _confirms(_genre(strategy=0.11, team=0.75, other=0.14), veto=1.01)


_ACTIONS = {i: {"GOAL": 0.0, "CHOICE": 0.0, "ACTION": 0.97, "CONTEXT": 0.03} for i in range(6)}
_PUSH = """# Clinic agreements push — action plan

{field}

- [ ] Maya pulls the list of every clinic we repaired a freezer for in 2026 by 6 February
"""


def _plan_confirms(targeted: bool) -> bool:
    # Six confident actions the genre model reads as plan 0.46, procedure 0.48: below `floor`.
    models = SimpleNamespace(thresholds={"content": _RULE})
    genre = _genre(plan=0.46, procedure=0.48, other=0.06)
    return confident_content(list(_ACTIONS), _ACTIONS, models, 0.46, genre, targeted)  # type: ignore[arg-type]


def test_a_plan_that_sets_an_outcome_target_needs_no_genre_floor():
    # SPEC §8.9: a procedure has "no period and no outcome target"; a target decides between them.
    assert _plan_confirms(targeted=True)
    assert not _plan_confirms(targeted=False)


def test_a_target_field_with_a_number_under_a_plans_heading_is_its_outcome_target():
    def targeted(field: str, kind: Kind = Kind.PLAN) -> bool:
        doc = parse(_PUSH.format(field=field))
        return plan_target(doc.sections[doc.title or 0], kind)

    assert targeted("Goal: 50 new maintenance agreements with clinics before Memorial Day.")
    assert targeted("KPI: 35% of first visits signed.")
    assert not targeted("Goal: more agreements with clinics.")  # no number: no outcome target
    assert not targeted("Contact: Dana Ortiz, sales manager.")
    assert not targeted("Goal: 50 new agreements.", Kind.STRATEGY)


_TABLE = """# Preservation action plan for audio recordings

## Appearance

| Name | {second} | Function description |
| --- | --- | --- |
| Channels | The number of separate audio signals in the file. | Kept as they were made. |
| Loudness | The level of the signal over time. | Not adjusted. |
"""


def test_a_table_of_definitions_is_reference_not_a_plans_items():
    def rows(second: str) -> bool:
        doc = parse(_TABLE.format(second=second))
        sec = next(s for s in doc.sections if s.title == "Appearance")
        return definition_table([doc.statements[i] for i in sec.statements])

    assert rows("Definition")
    assert rows("Meaning")
    assert not rows("Owner")  # "| Name | Owner | … |": whose each item is, a plan's column
    assert not rows("Action")
