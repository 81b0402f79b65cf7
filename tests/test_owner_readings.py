"""Owners the hand reading finds where the word classes misread the subject (SPEC §3 P202, §8.4,
§8.6): a doer and its verb opening an item where the first word can be a command or the surname
an English word, people named by a noun of any trade, and a parent item that names only a role.
The tag model is switched off and the class model made sure, so the hand reading alone decides."""

from __future__ import annotations

import pytest

from stratlint import lint_text
from stratlint.checks._names import first_sense_person
from stratlint.understand import records

_PLAN = """---
type: plan
strategy: strategy.md
---
# Clinic outreach plan, H1 2027

## Initiatives

{items}
"""


@pytest.fixture(autouse=True)
def hand_reading_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    real = records.Analysis.tagged

    def tagged(self: records.Analysis, st: object, name: str) -> bool:
        return False if name == "owner" else real(self, st, name)  # type: ignore[arg-type]

    monkeypatch.setattr(records.Analysis, "tagged", tagged)
    monkeypatch.setattr(records.Analysis, "sure", lambda self, st: True)


def _unowned(items: str) -> list[str]:
    findings = lint_text(_PLAN.format(items=items), "plan.md")
    lines = _PLAN.format(items=items).splitlines()
    return [lines[f.line - 1].strip() for f in findings if f.rule == "P202"]


@pytest.mark.parametrize(
    "item",
    [
        # the first word can be a verb ("ray", "counter"): still a name, then its verb
        "- Ray Stoltz reprices the Coudersport routes by 31 March 2027.",
        # a surname that is an English word, a verb the table knows only as a plural noun
        "- Derek Hall demos the portal to each new customer by 31 March 2027.",
        # a surname the table also knows as an adjective ("tanner")
        "- Rob Tanner runs a contractor breakfast at the store on 12 March 2027.",
        # a hyphenated given name
        "- Min-jun Park opens a Seoul office with two project managers by June 2027.",
        # a role before the name, the role's first word a verb
        "- Dispatch lead Ravi Singh publishes the response record by 31 March 2027.",
        # a role's words, then a first name that is an English word too
        "- Coach lead Sam Fraser writes the session plan by 14 February 2027.",
        # people named by what they do, in the words of the trade
        "- Install crew swaps the first halls' mattresses by 30 June 2027.",
        "- Program managers add a DFM review to every new quote from April 2027.",
        "- District agronomists co-sign the recommendations by 31 May 2027.",
        "- Head voicers join the acoustic workshops for every hall from Q2 2027.",
    ],
)
def test_a_doer_and_its_verb_opening_the_item_own_it(item: str) -> None:
    assert _unowned(item) == []


@pytest.mark.parametrize(
    "item",
    [
        # a given name that is an English word too ("ray", "tom", "hector"), alone, where an owner
        # stands: the subject before its verb, the minutes' "<Name> to <verb>", after a dash
        "- Ray calls the top 30 accounts by 2026 revenue before the end of March 2027.",
        "- Tom to run a pilot at Kirkstall Retail Park from April 2027.",
        "- Hector schedules templating within 48 hours of every cabinet set from 5 January 2027.",
        "- Send the spring price list to every stockist by 15 February 2027 — Mark.",
    ],
)
def test_a_given_name_that_is_an_english_word_owns_the_item(item: str) -> None:
    assert _unowned(item) == []


@pytest.mark.parametrize(
    "item",
    [
        # the same words out of an owner's place, or written as commands, name no one
        "- Mark every lost deal with its reason by 31 March 2027.",
        "- Chase leads from the expo within a week of the show, March 2027.",
    ],
)
def test_a_given_name_out_of_an_owners_place_names_no_one(item: str) -> None:
    assert _unowned(item) == [item]


@pytest.mark.parametrize(
    "item",
    [
        # a weak owner as the subject (SPEC §3 P202)
        "- The team follows up every open quote by 31 March 2027.",
        # commands: whom they act on, not who does them
        "- Hire two account managers by June 2027.",
        "- Train sales reps on the new deck by May 2027.",
        "- Launch partner programs in Q2 2027.",
        # a plural noun after its adjective is no verb, whatever the table says of "updates"
        "- Begin regular updates and interactive sessions by 31 May 2027.",
    ],
)
def test_a_command_names_whom_it_acts_on_not_its_owner(item: str) -> None:
    assert _unowned(item) == [item]


@pytest.mark.parametrize("role", ["Committee Secretary", "Communications Specialist&#x20;"])
def test_a_parent_item_that_names_a_role_owns_the_duties_under_it(role: str) -> None:
    items = f"- {role}\n  - Coordinate the updates by 31 March 2027.\n"
    assert _unowned(items) == []


def test_a_parent_item_that_names_a_thing_owns_nothing() -> None:
    items = "- Intersect Discord server\n  - Create channels for budget questions by 31 May 2027.\n"
    assert _unowned(items) == ["- Create channels for budget questions by 31 May 2027."]


@pytest.mark.parametrize(
    ("word", "person"),
    [
        ("secretary", True),
        ("voicers", True),
        ("dean", True),
        ("customers", False),  # whom a business sells to, the lexicons' segments
        ("tenants", False),
        ("head", False),  # a person in a rarer sense only
        ("plant", False),
        ("seasonal", False),  # a noun in WordNet ("a seasonal worker"), an adjective in use
        ("server", False),  # a machine in its second and third senses
    ],
)
def test_a_person_noun_is_one_whose_first_sense_is_a_person(word: str, person: bool) -> None:
    assert first_sense_person(word) is person


def test_an_adjective_the_sentence_reader_takes_for_a_subject_names_no_one() -> None:
    # "The two seasonal lines below go …": read as the subject "The two seasonal" and the verb
    # "lines", whose last word the person-noun table has as a noun ("a seasonal worker")
    items = (
        "The two seasonal lines below go to the cafés we already supply:\n\n"
        "- Print tent cards for café counters by 1 November 2027.\n"
    )
    assert _unowned(items) == ["- Print tent cards for café counters by 1 November 2027."]


def test_a_name_and_its_verb_after_an_items_label_own_it() -> None:
    # the label's line break is gone from the item's text: "… logs Owen Price leads."
    items = (
        "- **Inspector-ready compliance logs**\n"
        "  Owen Price leads. Target: digital logs on every route by 31 March 2027.\n"
    )
    assert _unowned(items) == []


@pytest.mark.parametrize(
    "item",
    [
        "- Update the dealer list with Owen Price leads by 31 May 2027.",
        "- Host two agency webinars on Riviera Maya and Costa Rica programs.",
        "- Re-quote the three largest Larapinta prospects by 31 May 2027.",
    ],
)
def test_a_name_inside_the_items_sentence_is_not_its_doer(item: str) -> None:
    assert _unowned(item) == [item]


@pytest.mark.parametrize(
    ("items", "unowned"),
    [
        # a capitalised word a dash sets off in a heading, then more of the title: what, not who
        (
            "### Plan 3 — Wellpoint hire\n\n"
            "- Train two more crews in wellpoint installation by November 2026.",
            ["- Train two more crews in wellpoint installation by November 2026."],
        ),
        # a name that ends the heading after its dash owns the items under it
        ("### Plan 3 — Priya Nair\n\n- Train two more crews by November 2026.", []),
        # a name and its verb after a label's dash; a hyphen inside a given name
        ("- **Win-back calls** — Rhys Morgan calls all 31 lapsed dealers by 28 February.", []),
        ("- Mei-Lin visits all 18 Tier 1 accounts with the salary guide by 28 February.", []),
    ],
)
def test_a_dash_sets_off_an_owner_at_the_end_not_a_title(items: str, unowned: list[str]) -> None:
    assert _unowned(items) == unowned
