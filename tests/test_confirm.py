"""The content route of genre confirmation (SPEC §8.9): a section's confident statements confirm
its kind, unless the genre model reads it as material that is neither."""

from __future__ import annotations

from types import SimpleNamespace

from stratlint.understand.confident import confident_content
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
