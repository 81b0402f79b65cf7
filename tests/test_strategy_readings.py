"""Strategy readings: a market word that names the seller ("our audit practice", "focus our
energy") chooses no customer (SPEC §3 S103); a strategy's aspiration ("## Ambition" under its
title) is part of it, so a revenue target there is a goal where the strategy should be (S101,
§8.3), while "## Targets" there stays a goals section."""

from __future__ import annotations

import pytest

from stratlint import lint_text

_STRATEGY = """---
type: strategy
---
# Audit strategy 2027

## How we win

{choice}

Fixed fees before planning starts, because finance directors hate surprise overruns.
We will not bid for listed groups.
"""


def _s103(choice: str) -> list[int]:
    text = _STRATEGY.format(choice=choice)
    return [f.line for f in lint_text(text, "strategy.md") if f.rule == "S103"]


@pytest.mark.parametrize(
    "choice",
    [
        "Our audit practice wins on fixed fees agreed before planning starts.",
        "We will focus our energy on fixed-fee audits.",
    ],
)
def test_a_market_word_that_names_us_chooses_no_customer(choice: str) -> None:
    assert _s103(choice) == [4]


def test_a_market_word_that_names_them_does() -> None:
    choice = "We win family-owned manufacturers in the West Midlands with fixed-fee audits."
    assert _s103(choice) == []


_ASPIRING = """# Hopline Label Co. — Sales Strategy 2027

## Where we stand

Cans are now 71% of what our customers package, and Blue Label quotes 15% under us on repeats.

## {heading}

Grow revenue 30% to $8.1M in 2027.

## Where we play

- Craft breweries in Oregon and Washington that release two new SKUs a month, because their
  artwork changes faster than offset printers can follow.

## How we win

- Sleeves in five days, not eight, so a brewer books the canning crew and the sleeves together.
- We will not print for the national brewers.
"""


def _findings(heading: str) -> list[tuple[str, int]]:
    text = _ASPIRING.format(heading=heading)
    return [(f.rule, f.line) for f in lint_text(text, "strategy.md")]


@pytest.mark.parametrize("heading", ["Ambition", "Our ambition", "2027 ambition"])
def test_a_target_in_the_strategy_s_aspiration_is_a_goal_where_the_strategy_should_be(
    heading: str,
) -> None:
    found = _findings(heading)
    assert ("S101", 9) in found
    assert not [f for f in found if f[0] in ("A301", "S108")]  # an aspiration is no pillar


@pytest.mark.parametrize("heading", ["Targets", "Goals for 2027"])
def test_a_target_under_a_goals_heading_stays_a_goal(heading: str) -> None:
    assert ("S101", 9) not in _findings(heading)


def test_an_item_labelled_with_a_question_word_is_no_pillar() -> None:
    # "What we leave out: …" names the strategy's trade-off, as a heading that asks does.
    text = """# Heritage glazing line — 2027

## Strategy

- **Who:** managing agents working on listed office buildings in Westminster and the City.
- **Why us:** slim laminated double units made in Dartford, sized to the existing rebates.
- **What we leave out:** no new-build, no residential sash work, and no installation.

## First-year plan (2027)

Target: 60 heritage projects supplied in 2027. Budget: £85k for the slim-unit tooling.

1. Gareth Bell sizes the slim laminated units to the Dartford line by 31 March 2027.
2. Tom Ashby visits the managing agents of 20 listed buildings in Westminster by 30 June 2027.
"""
    found = [(f.rule, f.line) for f in lint_text(text, "strategy.md")]
    assert ("A301", 7) not in found


def test_a_choice_with_its_contrast_is_a_pillar_not_an_exclusion() -> None:
    # "Price per trip, not per seat, …" chooses how to price and says what it gives up: a pillar
    # (SPEC §3 S108), where "We will not bid mill-priced boxes" only excludes. Six pillars.
    text = """# Nordic go-to-market

## Strategy

1. Sell through accounting and payroll firms rather than cold outreach to finance directors.
2. Target Norwegian and Swedish companies with 100–1,000 employees and 400 trips a year.
3. Position us as the agency that posts every trip straight into Tripletex and Visma.
4. Bundle duty-of-care tracking into every contract at no extra cost.
5. Open Denmark through a reseller agreement instead of our own office.
6. Price per trip, not per seat, for companies under 300 employees.
"""
    assert [f.line for f in lint_text(text, "strategy.md") if f.rule == "S108"] == [3]
    excluding = text.replace("6. Price per trip, not per seat,", "6. We will not price per seat")
    assert not [f for f in lint_text(excluding, "strategy.md") if f.rule == "S108"]


_DENTAL_STRATEGY = """# Dental line go-to-market

## Strategy

We sell the reorder programme to dental groups with five to forty practices in Ohio, because their
office managers reorder by phone today and lose a day a week to it. We will not sell to single
practices. {line}
"""


def _tactic_lines(line: str) -> list[int]:
    """The lines of S102 findings on the dental strategy with `line` added to its paragraph."""
    found = lint_text(_DENTAL_STRATEGY.format(line=line), "strategy.md")
    return [f.line for f in found if f.rule == "S102"]


def test_a_dated_step_a_named_person_takes_is_a_tactic_whatever_the_class_model_reads() -> None:
    # SPEC §3 S102, §8.4: "Priyanka Shah takes the template to the study club in February" is a
    # plan item with its owner and date, though the class model, reading a sentence in the
    # present, calls it context. A fact told of a company in the present is not.
    step = "Priyanka Shah takes the reorder template to the Columbus study club in February."
    assert _tactic_lines(step) == [7]
    assert not _tactic_lines("Stackvet is the largest reseller in the state since February.")


@pytest.mark.parametrize(
    "step",
    [
        "Rachel to brief the three regional managers at the January sales kick-off.",
        "Tomasz Wierzba to visit the ten largest dental groups.",
    ],
)
def test_a_step_assigned_to_a_named_person_is_a_tactic(step: str) -> None:
    # SPEC §3 S102, §8.4: "<Name> to <verb> …" is how minutes assign a task; the class model,
    # which finds no verb of a sentence in "to brief", calls it context. An infinitive after a
    # common word names no one ("Time to rethink …").
    assert _tactic_lines(step) == [7]
    assert not _tactic_lines("Time to rethink how office managers reorder.")


def test_a_quota_of_people_named_by_a_role_the_shape_misreads_is_a_tactic() -> None:
    # SPEC §1, §3 S102: "Account managers make 40 calls a week …" is a quota of people named by
    # their role ("make 50 calls a day"); "Account" is also a verb, and the sentence shape reads
    # a command with no subject. A role followed by a form of "be" describes, it does no step.
    step = "Account managers make 40 calls a week to office managers on the target list."
    assert _tactic_lines(step) == [7]
    assert not _tactic_lines("Account managers are 40% of the buyers we meet in a week.")


def test_an_organisations_initials_or_a_date_that_looks_back_make_no_dated_step() -> None:
    # "ICC Sydney takes almost every congress …, and since 2024 it has …" is the diagnosis: an
    # organisation's initials are no first name, and "since 2024" says when something began.
    fact = "ICC Sydney takes almost every congress above 2,000 delegates since 2024."
    assert not _tactic_lines(fact)


def test_a_bold_label_of_whom_the_strategy_serves_answers_who() -> None:
    # SPEC §3 S103, §8.3: "**Who we are for**" over its answer is a heading written in bold.
    text = """---
type: strategy
---

**Who we are for**

Australian and New Zealand professional associations of 300–1,000 delegates that meet annually.

**Why they choose us**

- One day-delegate package quoted in full at the first proposal and held for three years.
- We will not bid for congresses above 1,200 delegates.
"""
    assert not [f for f in lint_text(text, "strategy.md") if f.rule == "S103"]
    # Without the label, the same noun phrase alone is no choice the linter is sure of.
    unlabelled = text.replace("**Who we are for**\n\n", "")
    assert [f.line for f in lint_text(unlabelled, "strategy.md") if f.rule == "S103"] == [1]


def test_a_bold_who_label_opening_its_answer_answers_who() -> None:
    # SPEC §3 S103, §8.3: "**Who.** Parents in Austin …" is the same label written inline, closed
    # by a full stop: the sentence after it is the strategy's audience.
    text = """---
type: strategy
---

**Who.** Parents in Austin, Buda and Kyle planning a party for a child turning 8 to 14.

**Why they choose us.** A real outdoor track with junior karts and a race marshal at every party.
We will not add a kiddie-kart track for under-8 parties.
"""
    assert not [f for f in lint_text(text, "strategy.md") if f.rule == "S103"]
    unlabelled = text.replace("**Who.** ", "")
    assert [f.line for f in lint_text(unlabelled, "strategy.md") if f.rule == "S103"] == [1]


_GOSPA = """# FY27 GOSPA — Harbor Grounds

## Goal

Be the first call for campus grounds care: $14M in maintenance revenue by June 30, 2027.

## Strategies

- {first}
- Lift our win rate on public bids to 35%.
- Increase enhancement sales by 20%.

## Plans

- Hire a second account manager by April 1 — Andre.
"""


def test_a_goal_whose_object_names_a_segment_answers_who() -> None:
    # §8.9 precision first: "missing who" stays silent where the tag model sees a sign of who in
    # a goal's object (a segment the lexicon knows too); a count of generic buyers is no sign.
    def s103(first: str) -> list[int]:
        text = _GOSPA.format(first=first)
        return [f.line for f in lint_text(text, "gospa.md") if f.rule == "S103"]

    assert not s103("Grow university revenue by $1.6M through multi-year renewals.")
    assert s103("Add 150 new customers by December.") == [7]


@pytest.mark.parametrize(
    ("choice", "s103"),
    [
        ("Target converters that already run our lamination grade.", []),
        ("We will target 30% margins on every job.", [4]),
        ("We will focus on fewer, bigger deals.", [4]),
    ],
)
def test_the_buyers_a_choice_aims_at_name_who(choice: str, s103: list[int]) -> None:
    # The object of "target", "focus on", "sell to", "serve" … is whom the strategy sells to when
    # it is a plural noun of people or firms the segment lexicon cannot list ("converters",
    # "poultry processors"); an amount or a measure is not.
    assert _s103(choice) == s103


_SIX_PILLARS = """# Tidewater Coatings — 2027 strategy

## Strategy

Yards now repaint hulls every five years instead of three, and two Korean suppliers quote our
antifouling 12% lower on every tender.

1. Ferry operators on the North Sea routes, through the yards that hold their dry-dock contracts.
2. Sell hull surveys as the way in: our inspectors find the coating failures before the yard does.
3. Lead with the silicone foul-release range for vessels that sail more than 300 days a year.
4. Partner with the two largest dry-dock yards in Rotterdam alongside our own sales team.
5. Price per square metre applied, not per litre, so owners compare us on the finished hull.
6. Offer a five-year performance warranty to fleets that let us apply the whole system.
"""


def test_an_item_in_a_list_of_choices_is_one_more_pillar() -> None:
    # Five of the six items read as choices; the one between them the class model reads as
    # context ("Sell hull surveys as the way in: …") stands in the same list: six pillars (S108).
    found = [(f.rule, f.line) for f in lint_text(_SIX_PILLARS, "strategy.md")]
    assert ("S108", 1) in found


def test_a_list_of_facts_under_a_strategy_holds_no_pillars_of_its_own() -> None:
    text = """# Tidewater Coatings — 2027 strategy

## Strategy

Lead with the silicone foul-release range for ferries that sail more than 300 days a year.

What we know about the market:

1. Yards repaint hulls every five years now, not every three.
2. Two Korean suppliers quote antifouling 12% under us on every tender.
3. Fuel is 40% of a ferry operator's running cost.
4. Three of the five Rotterdam yards changed owners in 2026.
5. Our share of North Sea dry-dock jobs fell from 31% to 24% in two years.
6. Hull surveys found coating failures on 40% of the vessels we inspected.
"""
    assert not [f for f in lint_text(text, "strategy.md") if f.rule in ("S108", "A301")]


_GOSPA_STRATEGIES = """# Kestrel Livery — FY27

## Strategies

- Grow operator contract revenue to A$5.2M.
- Lift the tender win rate from 22% to 35%.
- {goal}
- Cut average quote turnaround to 48 hours.
"""


@pytest.mark.parametrize(
    ("goal", "s103"),
    [
        ("Add 3 new private bus operators in regional NSW.", []),
        ("Raise the average deal size in NSW to A$650k.", []),
        ("Quote every contract in NZ dollars from July.", [3]),
    ],
)
def test_a_place_written_as_initials_names_where_a_goal_sells(goal: str, s103: list[int]) -> None:
    # SPEC §3 S103: a geography is a who, and the object of a goal names whom the strategy sells
    # to (bank/GUIDE.md); "in regional NSW" names one as "in the Fraser Valley" does. Initials
    # that open a longer noun ("in NZ dollars") name a currency, not a place.
    found = lint_text(_GOSPA_STRATEGIES.format(goal=goal), "strategy.md")
    assert [f.line for f in found if f.rule == "S103"] == s103


def test_a_choice_that_names_a_place_names_who() -> None:
    # A choice "Sell direct to production nurseries in Wanneroo and the Swan Valley" names a
    # geography by proper name, which the lexicons cannot know (SPEC §3 S103).
    text = """# Banksia Blends — 2027

## Strategies

- Sell direct to production nurseries in Wanneroo and the Swan Valley.
- Grow potting-mix revenue by $350,000.
"""
    assert not [f for f in lint_text(text, "strategy.md") if f.rule == "S103"]


BESIDE = """# Hollowbrook Lodge — go-to-market 2027

Maintained by Priya Shah, commercial director.

## Strategy

- Relaunch the website with a section for corporate retreats in February.
- Hire a second events coordinator by March to answer weekday enquiries.
- Run two familiarisation trips for event planners, in April and June.
- List the lodge on the two largest venue-finding sites by the end of Q1.

## {heading}

Leadership-team retreats of 10–30 people from law and accounting firms in Manchester and Leeds.

## Contacts

- Sales enquiries: Priya Shah
"""


@pytest.mark.parametrize("heading,s103", [("Target market", False), ("Venue", True)])
def test_a_who_section_beside_the_strategy_answers_who_though_too_thin_to_confirm(
    heading: str, s103: bool
) -> None:
    # One sentence under "## Target market" is too little for the genre model to confirm as
    # strategy material, but it sits beside the strategy it belongs to (SPEC §8.3): S103's claim
    # that no customer is named would be false.
    found = [(f.rule, f.line) for f in lint_text(BESIDE.format(heading=heading))]
    assert (("S103", 5) in found) is s103, found
    assert ("D402", 5) in found, found


_GIVES_NOTHING_UP = """---
type: strategy
---
# Growth strategy 2027

## Where we play

Sell to mechanical contractors bidding hospital, school and university work, where our
hydronics design service saves them a week on every bid.

## How we win

We price per route per day, with the aide included.
"""


def test_a_trade_off_cue_in_another_sense_gives_nothing_up() -> None:
    # "with the aide included": the cue says what the price holds, not what the team will not
    # do; the tag model gives it little weight as a trade-off (below the floor, 0.15).
    found = lint_text(_GIVES_NOTHING_UP, "strategy.md")
    assert [f.line for f in found if f.rule == "S107"] == [4]
