"""Plan readings that must not rest on a model's probability, and where owners stand (SPEC §3
P202, §8.6): a weak owner written as the subject, or an imperative's unwritten doer, stays no
owner whatever the tag model reads; an objective listed over key results is measured by them
however sure the class model is that it is a goal (§8.10); a route or a workstream label is no
person, a person's name before a prefixed verb is."""

from __future__ import annotations

from pathlib import Path

import pytest

from stratlint import lint_text
from stratlint.checks import plan
from stratlint.read.parse import parse
from stratlint.run.batch import analyse_many
from stratlint.settings import Settings
from stratlint.understand import records
from stratlint.understand.learn import models as learned

_PLAN = """---
type: plan
strategy: strategy.md
---
# Clinic outreach plan, H1 2027

## Initiatives

- {doer} builds a consented panel of 400 clinicians by 30 April 2027.
"""


def _force_tag(monkeypatch: pytest.MonkeyPatch, tag: str, sure: bool) -> None:
    """The tag model is sure (or never) of `tag` on every statement; other tags as they are."""
    real = records.Analysis.tagged

    def tagged(self: records.Analysis, st: object, name: str) -> bool:
        return sure if name == tag else real(self, st, name)  # type: ignore[arg-type]

    monkeypatch.setattr(records.Analysis, "tagged", tagged)


@pytest.fixture
def sure_of_classes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The class model is sure of every statement's class: the owner or date reading alone
    decides. A lone item of a two-line example is not a sure action for the refitted class
    model (its ACTION threshold is chosen on real statements too), and these cases are about
    what an owner or a date is, not about how sure the model is that an item is an action."""
    monkeypatch.setattr(records.Analysis, "sure", lambda self, st: True)


@pytest.fixture
def sure_of_owners(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tag model reads an owner into every statement."""
    _force_tag(monkeypatch, "owner", True)


def _p202(doer: str) -> list[int]:
    return [f.line for f in lint_text(_PLAN.format(doer=doer), "plan.md") if f.rule == "P202"]


@pytest.mark.parametrize("doer", ["The team", "We", "Our team"])
def test_a_weak_owner_as_subject_is_no_owner_whatever_the_tag_model_reads(
    sure_of_owners: None, doer: str
) -> None:
    assert _p202(doer) == [9]


def test_the_tag_model_still_finds_owners_the_hand_reading_misses(sure_of_owners: None) -> None:
    assert _p202("The panel vendor") == []


@pytest.fixture
def no_tagged_owners(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tag model finds no owner anywhere: the hand reading alone decides."""
    _force_tag(monkeypatch, "owner", False)


@pytest.mark.parametrize(
    ("doer", "owned"),
    [
        ("From 1 March, Priya Shah", True),
        ("Every quarter, Priya Shah", True),
        ("From 1 March, we", False),  # a weak owner after the time phrase is still none
    ],
)
def test_a_time_phrase_before_the_subject_leaves_the_owner_where_it_stands(
    no_tagged_owners: None, doer: str, owned: bool
) -> None:
    # §8.6: "From 1 December, Rosa Ortiz runs a 60-day takeover …": the subject after the
    # opening time phrase does the item.
    assert _p202(doer) == ([] if owned else [9])


def test_an_imperative_names_whom_it_acts_on_not_who_owns_it(sure_of_owners: None) -> None:
    text = _PLAN.replace("- {doer} builds", "- Hire a business development manager who builds")
    assert [f.line for f in lint_text(text, "plan.md") if f.rule == "P202"] == [9]


def _owned(item: str) -> bool:
    text = _PLAN.replace(
        "- {doer} builds a consented panel of 400 clinicians by 30 April 2027.", item
    )
    return not [f for f in lint_text(text, "plan.md") if f.rule == "P202"]


@pytest.mark.parametrize(
    "item",
    [
        "- Update the rate card for Dubai–Manila and Dubai–Mumbai routings by 30 April 2027.",
        "- Visit the six plants in the Auburn–Kendallville corridor by 30 April 2027.",
        "- Friends: send an appeal letter to all 1,200 alumni by 30 April 2027.",
        "- Approvals — set up a shared artwork approval portal by 30 April 2027.",
        "- Online: reshoot the product photography by 30 April 2027.",
    ],
)
def test_a_route_or_a_workstream_label_is_no_owner(sure_of_classes: None, item: str) -> None:
    assert not _owned(item)


@pytest.mark.parametrize(
    "item",
    [
        "- Mark Lewis re-tenders the freight contract with three forwarders by 30 April 2027.",
        "- Kerry-Ann Doyle launches the bundle to hauliers by 30 April 2027.",
        "- Tom: write the referral template by 30 April 2027.",
        "- Marketing: refresh the battlecards by 30 April 2027.",
        "- Send the price letter to every distributor by 30 April 2027 — Lena Fischer.",
    ],
)
def test_people_and_teams_where_owners_stand_still_own_the_item(item: str) -> None:
    assert _owned(item)


_OKR = """# Used truck sales plan, H1 2027

## What we're aiming for

**Objectives**

- Improve part-exchange margins.

**Key Results**

- Part-exchange margin up from 6% to 9% by 30 June.
"""


def test_an_objective_listed_over_key_results_is_measured_by_them() -> None:
    doc = parse(_OKR, "plan.md")
    a = analyse_many([doc], Settings())[0]
    objective = next(st for st in doc.statements if st.text.startswith("Improve"))
    result = next(st for st in doc.statements if st.text.startswith("Part-exchange"))
    assert plan._objective(a, objective)
    assert not plan._objective(a, result)


@pytest.fixture
def no_tagged_deadlines(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tag model finds no deadline anywhere: the hand reading alone decides."""
    _force_tag(monkeypatch, "deadline", False)


def _p203(item: str) -> list[int]:
    text = _PLAN.replace(
        "- {doer} builds a consented panel of 400 clinicians by 30 April 2027.", item
    )
    return [f.line for f in lint_text(text, "plan.md") if f.rule == "P203"]


@pytest.mark.parametrize(
    "item",
    [
        "- Priya Shah calls the Jan De Nul and DEME procurement leads about the dredging tender.",
        "- May Chen sends the revised price list to all 40 distributors.",
    ],
)
def test_a_month_that_opens_a_name_is_no_deadline(
    sure_of_classes: None, no_tagged_deadlines: None, item: str
) -> None:
    assert _p203(item) == [9]


@pytest.mark.parametrize(
    "item",
    [
        "- Priya Shah books the stand at the June Helsinki show in June.",
        "- Priya Shah sends the revised price list to all 40 distributors in March.",
    ],
)
def test_a_month_after_a_time_word_is_one(no_tagged_deadlines: None, item: str) -> None:
    assert _p203(item) == []


@pytest.mark.parametrize(
    "item",
    [
        "- Priya Shah sends the revised price list to all 40 distributors before Christmas.",
        "- Priya Shah sends the revised price list to all 40 distributors over the holidays.",
        "- Priya Shah sends the revised price list to all 40 distributors before the budget cycle.",
        "- Priya Shah sends the revised price list to all 40 distributors after harvest.",
        "- Priya Shah sends the revised price list to all 40 distributors in Term 3.",
    ],
)
def test_a_holiday_term_or_season_of_the_year_is_a_deadline(
    no_tagged_deadlines: None, item: str
) -> None:
    # §3 P203: a relative deadline counts; a holiday, a school term, a farm season or a budget
    # cycle falls on a date the reader knows, as "before launch" does.
    assert _p203(item) == []


def test_a_holiday_the_item_is_about_gives_it_no_time(no_tagged_deadlines: None) -> None:
    assert _p203("- Priya Shah designs the Christmas gift catalogue for distributors.") == [9]


_ACCOUNT_PLAN = """---
type: plan
owner: Gemma Harlow
strategy: strategy.md
---
# Oakfield Trust account plan

## Next steps

- Send Paul the 2026 service report for our five sites ({who}, 20 February 2027).
"""


def test_a_bracketed_first_name_the_page_names_in_full_owns_the_item() -> None:
    found = lint_text(_ACCOUNT_PLAN.format(who="Gemma"), "plan.md")
    assert not [f for f in found if f.rule == "P202"]


def test_a_bracketed_place_and_date_owns_nothing() -> None:
    found = lint_text(_ACCOUNT_PLAN.format(who="Galveston"), "plan.md")
    assert [f.line for f in found if f.rule == "P202"] == [10]


# -- P204: a measurable target is a number attached to an outcome (SPEC §8.8) -------------------

_TARGETED_PLAN = """---
type: plan
strategy: strategy.md
---
# Dealer plan

## Goals

- {goal}

## Actions

- Priya Shah signs two new dealers in Ohio by 31 March 2027.
- Tom Reid runs the dealer training day in Columbus on 14 April 2027.
"""


def _p204(goal: str) -> list[int]:
    found = lint_text(_TARGETED_PLAN.format(goal=goal), "plan.md")
    return [f.line for f in found if f.rule == "P204"]


@pytest.mark.parametrize(
    "goal",
    [
        "Significantly more dealer orders than in 2026.",  # a goal with no number
        "Target: more dealer orders than in 2026.",  # a year says when, not how many
        "Get more dealers into the pipeline than last half.",  # "last half" is a period
    ],
)
def test_a_goal_with_no_number_is_no_measurable_target(goal: str) -> None:
    assert _p204(goal) == [5]


@pytest.mark.parametrize(
    "goal",
    [
        "Dealer orders from 140 to 190 in 2027.",
        "Specified on 3 new dealer floors in FY27 (FY26: 1).",  # a count in a goals section
        "Target: 40 dealer orders by 30 June 2027.",
    ],
)
def test_a_goal_with_a_number_measures_the_plan(goal: str) -> None:
    assert _p204(goal) == []


def test_an_objective_labelled_over_its_key_results_is_measured_by_them() -> None:
    # SPEC §8.10: "Objective 2: Grow in Wales" over "KR1: …" is measured by its key results.
    text = """# Kestrel Rates OKRs — Q1 2027

**Objective 1: Grow in Wales and the Lake District**

- KR1: 60 new paying properties across the two regions
- KR2: Trial-to-paid conversion of 35% in both regions

**Objective 2: Grow in Cornwall**

- Grow in Cornwall.
"""
    p206 = [f.line for f in lint_text(text, "okrs.md") if f.rule == "P206"]
    assert 3 not in p206


# -- P203: what a date is ------------------------------------------------------------------------

_DATED_PLAN = """---
type: plan
strategy: strategy.md
---
# Castellan account plan

## {heading}

- Aisha Rahman books a technical day with the Castellan power-electronics team.
- Aisha Rahman sends the 48V reference design to the Castellan buyers.
- Daniel Park hosts a workshop for Castellan purchasing on our {topic}.
"""


def _p203_under(heading: str, topic: str = "qualification data") -> list[int]:
    text = _DATED_PLAN.format(heading=heading, topic=topic)
    return [f.line for f in lint_text(text, "plan.md") if f.rule == "P203"]


def test_a_dash_between_months_is_no_vague_time(sure_of_classes: None) -> None:
    # "May-June" gives the items under it their time frame; "Later in the year" does not.
    assert _p203_under("May-June") == []
    assert 11 in _p203_under("Later in the year")


def test_a_quarter_glued_into_a_part_code_is_no_date(sure_of_classes: None) -> None:
    assert 11 in _p203_under("Actions", "AEC-Q100 qualification data")
    assert 11 not in _p203_under("Actions", "qualification data by Q1 2027")


def test_next_steps_in_an_objection_playbook_are_a_procedure_not_a_plan() -> None:
    # SPEC §8.9: steps after every call, in a playbook, are no plan; the genre model reads the
    # section as a procedure more than anything else (p=0.53), so its few confident actions
    # confirm nothing (thresholds.yaml content.veto).
    text = """# Objection handling: filter-change contracts

For PureDuct sales calls with property managers. Keep it conversational; don't read it out.

## "We just have our maintenance guy swap them."

Ask how many buildings he covers and when the filters were last changed. Most in-house techs
change on a calendar, not on pressure drop, so filters sit loaded for weeks.

> Try: "What would it cost you if a tenant complained about air quality during a lease renewal?"

## Strategy for the price objection

- Never discount on the first call. Offer the quarterly plan instead of the monthly one.
- Show the per-filter price next to the labour the manager is already paying for.
- If they mention a national chain's quote, ask whether it includes disposal and a change log.

## "Can you start next week?"

Yes, if the buildings are on our Austin or San Antonio routes. Check the route map in Jobber
before you promise a date.

## Next steps after the call

- Log the call in HubSpot within 24 hours.
- Send the one-page service summary from the templates folder.
- Book a walk-through if they agreed to one.
"""
    assert not [f for f in lint_text(text, "objections.md") if f.rule.startswith("P")]


def test_a_full_name_in_the_bracket_that_gives_who_and_when_owns_the_item() -> None:
    # "(Keisha Grant, by 31 July)": who and when, where the page writes Keisha elsewhere too
    # ("Grant" is an English word, so the name alone does not read as a person's).
    text = """---
type: plan
strategy: strategy.md
---
# Southeast DSO territory plan

## Actions

1. **Target list** (Keisha Grant, by 31 July 2026):
   1. Pull every group with 5-30 locations from the DSO directory export.
   2. Rank the groups by 2025 aligner volume and qualify the top 40.
2. {other} Grant runs a clinical lunch at the head office of each group, July to October 2026.
"""

    def p202(other: str) -> list[int]:
        found = lint_text(text.format(other=other), "plan.md")
        return [f.line for f in found if f.rule == "P202"]

    assert p202("Keisha") == []


def test_may_with_a_year_is_the_month() -> None:
    # "May" is a verb too, so alone it is a date only after a time word; with a year it is one.
    assert 11 not in _p203_under("Actions", "qualification data at its May 2027 review")


_HEADED = """---
type: plan
strategy: strategy.md
---
# Chain rollout plan, H1 2027

Dana Whitfield leads the chain accounts.

## {heading}

- Build a chain-ready service agreement by 30 April 2027.
"""


@pytest.mark.parametrize("heading", ["Rollout", "Research"])
def test_a_one_word_heading_that_names_no_one_owns_nothing(heading: str) -> None:
    # §8.6: a heading owns its items when it names who does them. "## Rollout" names a phase.
    text = _HEADED.format(heading=heading)
    assert [f.line for f in lint_text(text, "plan.md") if f.rule == "P202"] == [11]


def test_a_one_word_heading_with_a_name_the_page_writes_in_full_owns_its_items() -> None:
    text = _HEADED.format(heading="Dana")
    assert not [f for f in lint_text(text, "plan.md") if f.rule == "P202"]


@pytest.mark.parametrize(
    "heading",
    [
        "Kentucky conversion",  # a place, then what happens there
        "Huller battery bundle",  # a product
        "Cocktail bars and restaurants",  # an audience: "bars" is no verb of "Cocktail"
        "Timeline and milestones",
        "February and March",
    ],
)
def test_a_heading_that_names_a_place_product_or_audience_owns_nothing(heading: str) -> None:
    # §8.6: a heading owns its items where it names who does them. A heading is a noun phrase:
    # a capitalised word the word table lacks opens a place or a product as often as a name,
    # and its "subject" and "verb" are words of that phrase.
    text = _HEADED.format(heading=heading)
    assert [f.line for f in lint_text(text, "plan.md") if f.rule == "P202"] == [11]


_LED_STEPS = """---
type: plan
strategy: strategy.md
---
# Asset-system integration, 2026

{lead}

1. Civica connector live by 31 July 2026.
2. NEC connector live by 31 October 2026.
"""


def test_the_sentence_that_opens_a_list_with_its_doer_owns_the_steps() -> None:
    # §8.6: "Owen Marsh's team connects … by 31 January 2027:" over numbered steps names who does
    # each of them, as an owner field over the list would; a lead-in that names no doer owns
    # nothing.
    led = "Owen Marsh's team connects our job system to the two asset platforms by 31 January 2027:"
    text = _LED_STEPS.format(lead=led)
    assert not [f for f in lint_text(text, "plan.md") if f.rule == "P202"]
    bare = _LED_STEPS.format(lead="Additional actions from the December district meeting:")
    assert [f.line for f in lint_text(bare, "plan.md") if f.rule == "P202"] == [9, 10]


@pytest.mark.parametrize("heading", ["Priya Raman", "Priya Raman — chains", "Priya's accounts"])
def test_a_heading_that_names_a_person_owns_its_items(heading: str) -> None:
    text = _HEADED.format(heading=heading)
    assert not [f for f in lint_text(text, "plan.md") if f.rule == "P202"]


def test_a_plan_heading_on_a_page_declared_a_plan_is_declared_too() -> None:
    # §8.9: a front matter declaration always counts. "## Roadmap" under it names the same kind;
    # the domain model's reading of its one item (technical 0.55) does not set it aside.
    text = _HEADED.format(heading="Roadmap")
    assert [f.line for f in lint_text(text, "plan.md") if f.rule == "P202"] == [11]


_TERRITORY = """# Riverside territory plan

Territory: Leeds, Bradford and Wakefield. Two desks and 310 client accounts in the CRM.

## Territory moves

- [ ] Hana visits all 14 Tier 1 accounts with the new rate card by 28 February.
- [ ] Run a finance directors' breakfast in Bradford in April.
- [ ] Omar builds a list of 50 Wakefield manufacturers with no recruiter, by 31 January.
- [ ] Priya takes over the 12 dormant accounts and calls each one.
- [ ] Send the quarterly salary guide to all 310 contacts.
"""


def test_a_section_that_reads_surely_as_a_plan_is_one_under_a_title_of_context() -> None:
    # §8.9: the title's own content is one line of context, so it does not confirm the plan it
    # names; the section under it reads as plan material nearly as surely as the genre threshold
    # asks, and its own actions are confident: it is a plan, and its items are judged.
    found = {(f.rule, f.line) for f in lint_text(_TERRITORY, "territory.md")}
    assert ("P202", 8) in found


@pytest.mark.parametrize(
    ("item", "target"),
    [
        ("Average FormiGel order per distributor from 1,200 to 2,000 tubes.", True),
        ("Median deal size from $8k to $11k by December.", True),
        ("Clean the contact list from 400 to 300 duplicate records.", False),
        ("Move Bijenhuis Zeeland from the distributor portal to direct ordering.", False),
    ],
)
def test_a_measure_opening_with_an_adjective_moves_from_one_figure_to_another(
    item: str, target: bool
) -> None:
    # §3 P202/P203, §8.8: "Average … order from 1,200 to 2,000 tubes" opens with a word that is
    # an adjective too and goes straight on to a noun: a measure that moves, a target of the plan,
    # not a command to average something. A command keeps its object's article, or is no
    # adjective ("Move …").
    from stratlint.checks._target_lines import target_line

    doc = parse(f"# Distributor plan\n\n## What we are aiming for\n\n- {item}\n", "p.md")
    a = analyse_many([doc], Settings())[0]
    st = next(s for s in doc.statements if s.form == "item")
    assert target_line(a, st) is target


_ASSIGNED = """---
type: plan
strategy: strategy.md
---
# Cathedral account plan

## Next steps

- Ring the chapter clerk about the tower survey by 12 March 2027 (Gareth Pryce).
- Send the bell-frame report to the fabric committee by 20 March 2027 (Gareth Pryce).
- {step}
"""


def test_a_step_assigned_to_a_named_person_is_an_owned_action_item() -> None:
    # SPEC §8.4, §8.6: "Gareth to chase the faculty application" assigns a step the way minutes
    # do: an action item with its owner, so with no date it is P203, never P202. A weak owner
    # assigned the same way ("Someone to join …") is no owner (§3 P202).
    step = "Gareth to chase the faculty application with the diocese."
    found = [(f.line, f.rule) for f in lint_text(_ASSIGNED.format(step=step), "plan.md")]
    assert [x for x in found if x[1] in ("P202", "P203")] == [(11, "P203")]
    weak = "Someone to join the diocesan advisory committee."
    found = [(f.line, f.rule) for f in lint_text(_ASSIGNED.format(step=weak), "plan.md")]
    assert [x for x in found if x[1] in ("P202", "P203")] == [(11, "P202"), (11, "P203")]


_LABELLED_TARGETS = """---
type: plan
strategy: strategy.md
---
# Law firms plan, H1 2027

## Actions

- Siobhan Keane builds the fleet audit pack by 31 January 2027.
- Colm Daly submits the framework catalogue update by 30 April 2027.

**Targets for the half**

- {target}
"""


@pytest.mark.parametrize(
    ("target", "p204"),
    [
        ("3 new council contracts through the framework.", []),
        ("12 law-firm renewals signed at a click charge of 0.6 cent or more.", []),
        ("More law firms on six-monthly reviews.", [5]),
    ],
)
def test_a_number_under_a_label_of_targets_is_the_plans_measure(
    target: str, p204: list[int]
) -> None:
    # SPEC §3 P204: a bold label of targets is a heading in all but markup; a count under it is
    # the plan's target, as under "## Targets". A number that only says how often measures
    # nothing.
    found = lint_text(_LABELLED_TARGETS.format(target=target), "plan.md")
    assert [f.line for f in found if f.rule == "P204"] == p204


def test_an_open_question_in_a_plan_is_no_action_item() -> None:
    # SPEC §8.4: an action is a commitment; "Who covers Texas once Ana moves to the add-on
    # launch?" asks what the plan has not settled, so it needs no owner or date (P202/P203).
    text = """---
type: plan
strategy: strategy.md
---
# National fleet sales plan

## Actions

- Ana Ruiz launches the telematics add-on by 31 March 2027.
- Ben Cole signs the three Dallas depots by 30 April 2027.
- Who covers Texas once Ana moves to the add-on launch?
"""
    found = lint_text(text, "plan.md")
    assert not [f for f in found if f.rule in ("P202", "P203")]


@pytest.mark.parametrize(
    "item",
    [
        "**Local stock profiles.** Each branch manager reviews the top 500 lines against last "
        "year's fitment data by 30 April, with Amira Shah in Category running the range tool.",
        "**Stock profiles.** Our planners rebuild the top 500 lines by 30 April.",
    ],
)
def test_the_subject_after_an_items_opening_label_owns_it(item: str) -> None:
    # SPEC §8.6: a bold label opening an item names the initiative; the sentence after it says
    # who does it, as the subject of any sentence does.
    text = f"""---
type: plan
strategy: strategy.md
---
# Branch plan 2027

## Initiatives

1. {item}
"""
    assert not [f for f in lint_text(text, "plan.md") if f.rule == "P202"]


_RUN_IN_TARGETS = """---
type: plan
strategy: strategy.md
---
# Concert hall plan 2027

**{label}** Two concert hall contracts signed (CHF 9–14M together) by December 2027.

## Actions

- Anna Brugger publishes our delivery record for the last eight instruments by 31 January 2027.
- Lukas Meier builds a demonstration windchest for reference visits by 30 April 2027.
"""


@pytest.mark.parametrize(("label", "p204"), [("Targets.", []), ("Background.", [5])])
def test_a_sentence_after_a_run_in_label_of_targets_is_the_plans_measure(
    label: str, p204: list[int]
) -> None:
    # "**Targets.** Two … contracts signed …": the run-in label names the sentence after it as
    # the plan's target (SPEC §3 P204), as a "**Targets**" line over a list does.
    found = lint_text(_RUN_IN_TARGETS.format(label=label), "plan.md")
    assert [f.line for f in found if f.rule == "P204"] == p204


# A real hardware project's plan-approval page (OpenHW Group, Solderpad 2.0; corpus/judging19): its
# title names a plan, one short section of progress meetings confirms it, and every section
# under the title inherits its kind, the compiler feature list (lines 44-69) among them.
_ENGINEERING_PLAN = (
    Path(__file__).parents[1]
    / "corpus/judging19/pages/openhwgroup__programs"
    / "Project-Descriptions-and-Plans__LLVM-Toolchain__COREV_LLVM_Plan_Approved_2023.md"
)


def _feature_list_items_flagged() -> list[tuple[str, int]]:
    found = lint_text(_ENGINEERING_PLAN.read_text(encoding="utf-8"), "plan.md")
    return [(f.rule, f.line) for f in found if f.rule in ("P202", "P203") and 44 <= f.line <= 69]


def test_a_feature_list_does_not_join_an_engineering_projects_plan() -> None:
    # SPEC §1, §8.9: a section that only inherits a plan's kind joins the confirmed plan unless its
    # own content is confidently an engineering project's (the domain model's technical reading);
    # then its items are no business's action items.
    assert _feature_list_items_flagged() == []


def test_the_feature_list_joins_the_plan_when_the_domain_model_is_never_sure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The same page with no technical veto: the feature list joins the plan, and its items are
    # read as action items with no owner or date. The silence above is the domain reading's.
    monkeypatch.setattr(learned.Models, "domain_threshold", lambda self: 1.01)
    assert ("P202", 56) in _feature_list_items_flagged()


OBJECTIVE_OVER_SECTIONS = """# Goals 2027

## Delivery team

### Goal 1: Raise product quality

#### How we measure it

1. Crash-free sessions above 99.5% every month.
2. 90% of tickets pass review at the first attempt.

### Goal 2: Faster releases

#### How we measure it

1. A release every two weeks, from one a month today.
"""


def test_an_objective_heading_over_its_results_in_a_subsection_is_no_vague_target():
    # SPEC §8.10: the objective is measured by its key results, here under a sub-heading of their
    # own ("#### How we measure it"), not by a number in its own words.
    found = [(f.rule, f.line) for f in lint_text(OBJECTIVE_OVER_SECTIONS)]
    assert ("P206", 5) not in found and ("P206", 12) not in found, found
    # Its results are still held to P206: a vague one under the same sub-heading is reported.
    vague = OBJECTIVE_OVER_SECTIONS.replace(
        "A release every two weeks, from one a month today.", "Increase release frequency."
    )
    assert ("P206", 16) in [(f.rule, f.line) for f in lint_text(vague)]


PROGRESS = """# Library units: objectives 2026-27

## Key objectives and progress

1. **Electronic collections review**
   - Success goals:
     - Timely subscription review
     - Better value from the journal budget
   - Fall update:
     - Reduced inflation costs by $57,220
     - Improved usage tracking
     - Enhanced decision-making data
2. **Student workshops**
   - Success goals:
     - Higher workshop attendance
   - Fall update:
     - Increased attendance at the data workshops
"""


def test_an_update_under_an_objective_reports_what_happened_and_is_no_vague_target():
    # SPEC §8.10 holds an objective's success goals to P206; the "Fall update:" beside them tells
    # what was done (§8.4: the past is context), however its participles read.
    found = [(f.rule, f.line) for f in lint_text(PROGRESS)]
    assert ("P206", 8) in found and ("P206", 15) in found, found
    assert not [line for rule, line in found if rule == "P206" and line in (11, 12, 17)], found


_PERSON_STEPS = """# Harbour district territory plan — 2027

This plan covers the three harbour towns for the 2027 season.

## Actions

- {doer} visits every 2026 account before the spring refit to agree service dates.
- Quote Kettle Marine for the winter lift-out contract.
- Run a skippers' breakfast in Falmouth with the chandlery reps.
- {doer} calls the lapsed yacht clubs on the lost-account list.
- Collect hull-survey counts at haul-out for the larger yards.

**Targets**

- Boats serviced in the district: 640 (2026: 560).
- Win back at least two lapsed yacht clubs.
"""


def test_a_persons_steps_are_a_plans_confident_content() -> None:
    # "Marisol visits …": a given name doing something in the present is a step with its owner
    # (SPEC §8.4), which the class model reads as a fact; counted as confident content, the
    # section is confirmed as a plan. "The team visits …" gives no such evidence: silence (§8.9).
    def found(doer: str) -> set[tuple[str, int]]:
        text = _PERSON_STEPS.format(doer=doer)
        return {(f.rule, f.line) for f in lint_text(text, "plan.md")}

    assert {("P201", 1), ("P202", 9)} <= found("Marisol")
    assert not found("The team")


_MONEY_PLAN = """---
type: plan
strategy: strategy.md
---
# Territory plan, H1 2027

Territory revenue target: $1.35M (2025: $1.08M).

{line}

## Actions

- Maria Lopez visits the 20 largest accounts by 31 March 2027.
- Jon Park runs two builder breakfasts in Dayton by 30 April 2027.
- Maria Lopez sends the spring price list to every account by 15 February 2027.
"""


@pytest.mark.parametrize(
    ("line", "p205"),
    [
        ("", [5]),  # a revenue target is money the plan measures, not money it spends
        ("Last year the territory did $2.9M.", [5]),
        ("$12,000 for travel and the Dayton breakfasts.", []),  # an amount for a purpose
        ("Conference booth: $1,850", []),  # a cost line
    ],
)
def test_only_money_the_plan_commits_is_a_resource(line: str, p205: list[int]) -> None:
    found = lint_text(_MONEY_PLAN.format(line=line), "plan.md")
    assert [f.line for f in found if f.rule == "P205"] == p205
