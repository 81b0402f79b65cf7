"""Guides and examples are not the writer's own strategy or plan (SPEC §8.9): a heading that names
the reader's plan ("Document your … plan"), shows one to learn from ("Example of a … plan") or
plans a lesson ("Scrum workshop plan"); a page that names itself a checklist or a tutorial; and a
title's greeting that leaves its plan's sections to speak for themselves."""

from __future__ import annotations

import pytest

from stratlint import lint_text
from stratlint.understand.headings import heading_kind, names_anothers_kind


@pytest.mark.parametrize(
    "heading,anothers",
    [
        ("Document your cloud adoption plan", True),
        ("Your 30-60-90 day plan", True),
        ("Build your account plan", True),
        ("Example of a cloud adoption plan with four horizons", True),
        ("Sample territory plan", True),
        ("Worked example: account strategy for Brennan Freight", True),
        ("Q3 territory plan", False),
        ("Reports that use our plan", False),
        ("Our plan for your first ninety days", False),  # the writer's plan, for the reader
        ("Your accounts", False),  # no kind named
        ("Scrum workshop plan with GitHub integration", True),  # a lesson's agenda
        ("Lesson plan", True),
        ("Regression test plan", True),
        ("Workshop roadshow plan", False),  # a roadshow of workshops is the writer's to run
    ],
)
def test_a_heading_names_the_readers_plan_or_an_example(heading, anothers):
    assert names_anothers_kind(heading, heading_kind(heading)) is anothers


GUIDE = """# {title}

A partner enablement plan is the single record of what each reseller needs, who supports it and
when. You must document each part so that the channel team and the partner agree on it.

## Record the partners and their needs

1. **List every active reseller.** Include the partner tier, the region and the partner manager.
2. **Record each partner's certification gaps.** Note which sales and technical courses are open.
3. **Capture the deal registration rules.** Write down how partners register deals.

## Document the enablement timeline

1. **Record the training dates for each partner.** Use the partner's own planning calendar.
2. **Capture key milestones and dependencies.** Note the launches the training must precede.
3. **Include a process for timeline updates.** Define how and when the timeline is reviewed.

## Example of a partner enablement plan

| Partner | Action | Owner | Due |
|---|---|---|---|
| Northwind | Run the sales certification | Dana Ruiz | 15 March 2027 |
| Contoso | Book the technical bootcamp | | |
"""


def _rules(text: str) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in lint_text(text)]


def test_a_guide_to_writing_the_readers_plan_gets_no_plan_finding():
    # The steps read as a plan's actions; the title says the plan is the reader's to write.
    assert _rules(GUIDE.format(title="Document your partner enablement plan")) == []


def test_a_workshops_plan_is_its_agenda_not_the_writers_commitments():
    assert _rules(GUIDE.format(title="Partner enablement workshop plan")) == []


def test_the_same_steps_as_the_writers_own_plan_are_read_and_its_example_is_not():
    found = _rules(GUIDE.format(title="Partner enablement plan"))
    assert ("P202", 15) in found and ("P203", 15) in found, found
    # The example's empty Owner and Due cells are an illustration, not the plan's items.
    assert not [line for _, line in found if line >= 20], found


GREETING = """# Kiwi Rope Works — 2027 sales plan

Morena everyone. Here is what we are doing this year to win more orders. Tick things off as you go.

## Q1

- [ ] Aroha rewrites the trade price list and sends it to our 140 stockists in February.
- [ ] Refresh the product photos on the online shop.
- [ ] Put the mooring line bundle on special for the summer boating season.

## Q2

- [ ] Wiremu books a stand at the Auckland Boat Show in May.
- [ ] Aroha follows up every abandoned online cart within two days.
- [ ] Look into a freight deal for next-day delivery to Northland.

## Targets

- Stockist orders up from 140 to 170 accounts by December 2027.
"""


def test_a_greeting_under_the_title_leaves_the_plans_sections_to_speak_for_themselves():
    # Three sentences of greeting say nothing the models can read the page by; the quarters'
    # dated actions are a plan, and an item with no owner is one.
    found = _rules(GREETING)
    assert ("P202", 8) in found, found
    assert ("P202", 7) not in found, found  # Aroha owns it


@pytest.mark.parametrize(
    "title,read",
    [
        ("Kiwi Rope Works sales plan for next quarter", True),  # a period, in the DATE signals
        ("Kiwi Rope Works sales plan", False),  # no period: the greeting is all the page says
    ],
)
def test_only_a_title_that_names_its_period_lets_its_sections_speak(title, read):
    text = GREETING.replace("Kiwi Rope Works — 2027 sales plan", title)
    assert (("P202", 8) in _rules(text)) is read


CHECKLIST = """---
title: '{title}'
description: '{description}'
---

## Context

The partner portal integration is built and tested in staging. These steps take it live.

## Execution

Going live is as much an operational task as a technical one. Every team needs to know its part.

### Support and monitoring plan

- Define who watches the order sync in the first week after launch.
- Set up alerts for failed orders and missing partner records.
- Agree an escalation path with the vendor's support desk.

### Post-launch validation plan

- Schedule a review with the sales, finance and partner teams after launch.
- Confirm every partner has signed the new data-sharing terms.
- Check that the partner tiers in the portal match the CRM.
"""


@pytest.mark.parametrize(
    "title,description,guide",
    [
        ("Partner portal go-live checklist", "Steps for the launch.", True),
        ("Checklist: partner portal go-live", "Steps for the launch.", True),
        ("Partner portal launch plan", "In this tutorial you plan a partner portal launch.", True),
        ("Partner portal launch plan", "What we do to launch the portal.", False),
    ],
)
def test_a_page_that_names_itself_a_checklist_or_tutorial_is_no_plan(title, description, guide):
    # "## Execution" and "### … plan" over "Confirm …", "Check …" steps: the page's own title or
    # description says it shows how to do the task (SPEC §8.9), so its steps are no plan's items.
    found = _rules(CHECKLIST.format(title=title, description=description))
    assert (found == []) is guide, found
    if not guide:
        assert ("P202", 22) in found, found


CLOSING = """# Partner strategy

## Where we play

We sell through regional IT resellers in the Nordics, because mid-sized manufacturers there buy
from a reseller they already trust rather than from a vendor directly.

## How we win

We win on installation speed: our resellers certify in two days, where our rivals take a month.
We will not sell direct to manufacturers with fewer than 50 staff.

## Next steps

{steps}
"""


@pytest.mark.parametrize(
    "steps,plan",
    [
        (
            "We will review this approach once the new group strategy is agreed. We will continue "
            "to report on progress through our monthly partner call.",
            False,
        ),
        (
            "- We review this approach once the new group strategy is agreed.\n"
            "- Report on progress through our monthly partner call.",
            True,
        ),
    ],
)
def test_a_strategys_closing_sentences_are_its_last_word_not_a_plan(steps, plan):
    # Two sentences of prose under "## Next steps" close the strategy (SPEC §8.9: too little to
    # be confidently plan material); a list of steps there is a plan, with its items' findings.
    found = _rules(CLOSING.format(steps=steps))
    assert (("P202", 15) in found) is plan, found
    if not plan:
        assert found == [], found
