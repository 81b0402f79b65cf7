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


def _pillar_page(*readings: dict[str, float]):
    """A strategy title over numbered pillar sections, each read by the genre model as given."""
    n = len(readings) + 1
    body = "".join(f"## {i}. Pillar\n\nSell to dental groups in Ohio.\n\n" for i in range(1, n))
    doc = parse("# Commercial strategy 2026\n\n" + body, "s.md")
    hints = [Kind.OTHER] + [Kind.STRATEGY] * (len(doc.sections) - 1)
    proba = {i + 2: p for i, p in enumerate(readings)}
    near = {i: p["strategy"] for i, p in proba.items()}
    return doc, hints, proba, near


def _corroborated(*readings: dict[str, float]) -> list[int]:
    from stratlint.understand.joins import corroborate_strategy

    doc, hints, proba, near = _pillar_page(*readings)
    kinds = [Kind.OTHER] * len(doc.sections)
    confirmed: dict[int, bool] = {}
    corroborate_strategy(doc, hints, kinds, confirmed, proba, near, {}, 0.9, lambda i: None)
    return sorted(i for i, ok in confirmed.items() if ok)


def test_two_strategy_sections_near_the_threshold_confirm_each_other_and_their_title():
    near = _genre(strategy=0.93, other=0.07)
    weak = _genre(strategy=0.6, reference=0.4)
    assert _corroborated(near, near, weak, weak) == [1, 2, 3]  # the title (1) with them


def test_one_strategy_section_near_the_threshold_confirms_nothing():
    assert _corroborated(_genre(strategy=0.95, other=0.05), _genre(strategy=0.6, other=0.4)) == []


def test_no_corroboration_where_most_strategy_sections_read_as_something_else():
    near = _genre(strategy=0.92, other=0.08)
    plan = _genre(plan=0.8, strategy=0.1, other=0.1)
    assert _corroborated(near, near, plan, plan, plan) == []
