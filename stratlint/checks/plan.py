"""Checks on plan and goals scopes: P201–P206 (P207, the plan's strategy link, in `links`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from stratlint.checks._deadlines import has_deadline
from stratlint.checks._items import (
    ALLOCATION_LINE,
    KEY_RESULT,
    after_label_of_targets,
    done,
    labelled_objective,
    listed_objective,
    measures,
    money_committed,
    not_a_commitment,
    roster_row,
    sub_items,
    under_heading,
    under_label_of_targets,
    under_resources_heading,
)
from stratlint.checks._owners import has_owner
from stratlint.checks._plan_actions import (
    among_actions,
    assigned_step,
    commits,
    named_activity,
    named_step,
    told_past,
    work_row,
)
from stratlint.checks._registry import Context, Hit, check, quote
from stratlint.checks._strategy_links import strategy_link_state
from stratlint.checks._subjects import doer_is_no_owner
from stratlint.checks._target_lines import (
    asks_change,
    comparative_target,
    numbered_target,
    reported_progress,
    target_line,
    than_before,
)
from stratlint.checks._targets import (
    TARGET_HEAD,
    TIME_HEAD,
    bare_change,
    directional,
    has_number,
    measurable,
    measured_by_next_section,
    reached_state,
    says_number,
    vague_goal,
)
from stratlint.model import Cls, Field, Kind, Statement
from stratlint.understand.analysis import Analysis, Scope
from stratlint.understand.confident import plan_target


def _judged(a: Analysis, st: Statement) -> bool:
    """D401/D402 never take a plan section's label away (SPEC §8.5); a two-kind heading does."""
    return a.mixed.get(st.section) != "heading"


def _plan_items(a: Analysis, scope: Scope) -> list[Statement]:
    """The scope's action items, derived once a scope: P201 to P205 each ask."""
    found: list[Statement] | None = a.memo.get(("plan_items", scope))
    if found is None:
        found = a.memo[("plan_items", scope)] = list(_derive_plan_items(a, scope))
    return found


def _derive_plan_items(a: Analysis, scope: Scope) -> Iterator[Statement]:
    """A sure action, or an item the list around it or its named doer makes one (`named_step`,
    `named_activity`, `among_actions`), that is no field, objective, target, resource or fact.
    The cheap tests come first: most statements of a plan are sure of their class."""
    for st in a.statements_of(scope, headings=False):
        if st.is_field or st.is_navigation or not _judged(a, st):
            continue
        action = a.cls(st) == Cls.ACTION
        if not (action and a.sure(st)):
            named = named_step(a, st) or named_activity(a, st) or assigned_step(a, st)
            if not named and not (action and (among_actions(a, st) or work_row(a, st))):
                continue
        if done(st) or _objective(a, st):
            continue
        if not_a_commitment(st) or roster_row(a, st) or target_line(a, st) or told_past(a, st):
            continue
        if under_resources_heading(a, st) or under_label_of_targets(a, st):
            continue
        yield st


def _has_field(st: Statement, label: str) -> bool:
    """The item says it in a field: the field decides ('Owner: TBD' is no owner), not the tags."""
    return any(f.label == label for f in st.fields)


def _objective(a: Analysis, st: Statement, scope: Scope | None = None) -> bool:
    """An objective with key results under it (SPEC §8.10): its sub-items, or for a heading the
    items under it (`under_heading`), include a key result (labelled KR, or a target with a
    number). On a goals or OKR page every item with sub-items is an objective, measured by them."""
    if st.form == "heading":
        under = under_heading(a, st.section)
        if scope is not None and scope.kind == Kind.GOALS and any(measures(x) for x in under):
            return True  # an OKR page's heading over results or actions: an objective
    else:
        under = sub_items(a, st)
        if under and scope is not None and scope.kind == Kind.GOALS:
            return True
        if measured_by_next_section(a, st) or listed_objective(a, st) or labelled_objective(a, st):
            return True  # "**Objectives**" over a list, "**Key Results**" over the next
    for x in under:
        if KEY_RESULT.match(x.text):
            return True
        if x.is_field and st.form != "heading":
            continue  # "Target: 6 meetings" under an item is its attribute (§8.6), not a key result
        v = a.verdicts.get(x.index)
        if v is not None and v.cls == Cls.GOAL and (not v.vague or has_number(a, x)):
            return True
    return False


def _tag_says(a: Analysis, st: Statement, tag: str) -> bool:
    """The tag model is sure the item names its owner or deadline where no field of its own says
    otherwise. A table says those in its columns: a row's text alone is no owner or date the model
    can find ("Cold-email campaign to travel managers" under "| Initiative | When | Target |")."""
    if st.form == "row":
        return False
    return a.tagged(st, tag) and not _has_field(st, "owner" if tag == "owner" else "due")


@check("P202")
def plan_item_missing_owner(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for scope in a.plans:
        for st in _plan_items(a, scope):
            if has_owner(a, st, scope) or (
                _tag_says(a, st, "owner") and not doer_is_no_owner(a, st)
            ):
                continue
            yield ctx.at_statement(
                st,
                f"Plan item {quote(st.text)} has no owner.",
                "Name one accountable person or role (e.g. 'Owner: Priya (RevOps)' or '@handle'); "
                "'we', 'the team' and 'TBD' are not owners.",
                scope.title,
            )


@check("P203")
def plan_item_missing_deadline(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for scope in a.plans:
        for st in _plan_items(a, scope):
            if has_deadline(a, st, scope) or _tag_says(a, st, "deadline"):
                continue
            yield ctx.at_statement(
                st,
                f"Plan item {quote(st.text)} has no deadline.",
                "Give it a date or time frame (e.g. 'by 15 March', 'Q2', 'every Friday'); 'ASAP', "
                "'soon' and 'ongoing' are not deadlines.",
                scope.title,
            )


# -- targets, metrics, resources ----------------------------------------------------------------


def _page_has_target(a: Analysis) -> bool:
    """Targets anywhere on the page but in its strategies measure its plans too, whether or not
    their section was confident enough to judge ("## What success looks like" over "Gain 2 new
    cracker facings at Price Chopper"): P204 says a target is absent, and one there is a target.
    Precision first (§8.9), a sign of a metric at the tag model's `absence` floor is doubt
    enough, and so is a number in a goals section, confirmed or headed so ("## Goals" over
    "Specified on 3 institutional projects in FY27"); a strategy's goals are S101's, not the
    plan's measure."""
    strategy = {s for sc in a.strategies for s in sc.sections}
    goals = {s for sc in a.goals for s in sc.sections}
    goals |= {i for i, kind in enumerate(a.hints) if kind == Kind.GOALS}
    return any(
        measurable(a, st)
        or (st.section in goals and has_number(a, st))
        or _listed_target(a, st)
        or ((a.tagged(st, "metric") or a.hinted(st, "metric")) and not vague_goal(a, st))
        or numbered_target(a, st)
        for st in a.doc.statements
        if not st.quoted and st.section not in strategy
    )


def _listed_target(a: Analysis, st: Statement) -> bool:
    """An item with a number under a label line of targets ("**Targets for the half**" over "3 new
    council contracts through the OGP framework."): the plan's measure, as it would be under a
    "## Targets" heading. A number that only says how often ("More childcare centres on
    six-monthly agreements") measures nothing."""
    return (
        has_number(a, st)
        and not _only_how_often(a, st)
        and (under_label_of_targets(a, st, means=False) or after_label_of_targets(a, st))
    )


def _only_how_often(a: Analysis, st: Statement) -> bool:
    """Every number the item says is joined to a word of frequency ("six-monthly")."""
    sig = a.signals[st.index]
    numbers = sig.get("NUMBER")
    if not numbers or sig.has("PERCENT", "MONEY", "MULTIPLIER", "FROM_TO"):
        return False
    starts = {x for label in ("FREQUENCY", "frequencies") for x, _ in sig.get(label)}
    return all(sig.text[end : end + 1] == "-" and end + 1 in starts for _, end in numbers)


@check("P204")
def plan_missing_metric(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    if not a.plans or _page_has_target(a):
        return  # the page is read for targets only where it has a plan
    for scope in a.plans:
        sts = a.statements_of(scope)
        if not commits(a, sts, _plan_items(a, scope)):
            continue  # a plan that commits to nothing is no plan to judge
        if any(
            measurable(a, st) or (a.tagged(st, "metric") and not vague_goal(a, st)) for st in sts
        ):
            continue
        if any(plan_target(a.doc.sections[s], Kind.PLAN) for s in scope.sections):
            continue  # "KPI: 35% close rate" under a heading of the plan
        yield ctx.at_line(
            scope.line,
            f"Plan {quote(scope.title)} sets no measurable target: nothing says how you will know "
            "it worked.",
            "Add a KPI or target with a number for the outcome (e.g. 'Target: 40 new logos by Q4', "
            "'KPI: win rate from 18% to 25%').",
            scope.title,
        )


@check("P205")
def plan_missing_resources(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for scope in a.plans:
        sts = a.statements_of(scope)
        if not commits(a, sts, _plan_items(a, scope)):
            continue  # a plan that commits to nothing is no plan to judge
        if any(
            a.signals[st.index].has("resources", "RESOURCE")
            or money_committed(a, st)
            or ALLOCATION_LINE.match(st.text)
            for st in sts
        ):
            continue  # an allocation ("CMM time: 30 hours reserved in May") names a resource
        if any(f.label == "budget" for st in sts for f in st.fields) or any(
            f.label == "budget" for s in scope.sections for f in a.doc.sections[s].fields
        ):
            continue
        yield ctx.at_line(
            scope.line,
            f"Plan {quote(scope.title)} names no resources: no budget, headcount or tools.",
            "Say what it takes: budget, people (hires, FTE, % of time) and tools (e.g. '$60k "
            "program budget, 1 SDR hire, 6sense licence').",
            scope.title,
        )


# A column that says who or when: its numbers are no target's ("Due: Q3", "Owner: Pod 2").
_WHO_WHEN_HEAD = re.compile(r"\b(?:due|owner|owners|dri|lead|who)\b", re.IGNORECASE)


def _vague_target_cell(a: Analysis, st: Statement) -> Field | None:
    """A target or KPI cell with no number. The first cell names the row: under a "Key result" or
    "Goal" column ("New ARR from mid-market SaaS | $0.9M | $1.3M") its numbers are in the next
    columns; a target in a later column ("22% | Stronger attach") has none."""
    for i, (head, cell) in enumerate(st.cells):
        value = cell.strip()
        if (
            not TARGET_HEAD.search(head)
            or TIME_HEAD.search(head)
            or not value
            or says_number(cell)
            or value.lower() in ("—", "-", "n/a", "na")
            or reached_state(value, a.lexicon_extra)
        ):
            continue
        if i == 0 and any(
            j != i
            and re.search(r"\d", c)
            and not TIME_HEAD.search(h)
            and not _WHO_WHEN_HEAD.search(h)
            for j, (h, c) in enumerate(st.cells)
        ):
            continue
        return Field("target", cell, st.line)
    return None


def _vague_target_field(st: Statement) -> Field | None:
    """The item's own "Target: …" field with no number in it (a year says when, not how many)."""
    if st.is_field or st.cells:  # a table's target column: _vague_target_cell reads the row
        return None
    return next(
        (
            f
            for f in st.fields
            if f.label == "target" and f.value.strip() and not says_number(f.value, years=False)
        ),
        None,
    )


@check("P206")
def vague_target(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    reported: set[int] = set()  # an item's "Target: …" line, reported there once
    for scope in a.plans + a.goals:
        for st in a.statements_of(scope):
            if not _judged(a, st) or st.is_navigation or st.line in reported:
                continue
            v = a.verdicts.get(st.index)
            vague_field = _vague_target_field(st) or _vague_target_cell(a, st)
            if vague_field is not None and (v is None or v.cls != Cls.GOAL or not v.vague):
                message = (
                    f"Target {quote(vague_field.value)} has no number: nobody can tell whether "
                    "it was hit."
                )
                hint = "Put a number and a date on it (e.g. 'Target: 30 SQLs by 30 June')."
                if vague_field.line != st.line:  # "- Target: …" under its item: at its own line
                    reported.add(vague_field.line)
                    yield ctx.at_line(vague_field.line, message, hint, scope.title)
                else:
                    yield ctx.at_statement(st, message, hint, scope.title)
                continue
            # "Better share at Brandell.": a comparative with no number (SPEC §8.8) asks for a
            # change whatever class its few words get.
            # "More multi-year contracts than last quarter.": the same, compared with a period
            # (an action's "than" says how it is done, not what it should reach).
            comparative = comparative_target(a, st) or (
                not st.is_field
                and (v is None or v.cls != Cls.ACTION)
                and (st.form == "item" or (v is not None and v.cls == Cls.GOAL and a.sure(st)))
                and than_before(a, st)
            )
            # "Improve quote turnaround.": a change the plan asks for, with no number
            comparative = comparative or (
                scope.kind in (Kind.PLAN, Kind.GOALS) and asks_change(a, st)
            )
            # "Target: more lots than in the 2024 round": a year says when, not how many
            # "Improve attendee satisfaction.": a goal to the model, a bare change with no number
            vague = v is not None and (
                v.vague
                or (st.is_field and not says_number(st.text, years=False))
                or (v.cls == Cls.GOAL and not st.is_field and bare_change(a, st))
            )
            if not comparative and (v is None or v.cls != Cls.GOAL or not vague or not a.sure(st)):
                continue
            if _objective(a, st, scope):
                continue  # an objective is measured by its key results (SPEC §8.10)
            if reported_progress(a, st):
                continue  # "Fall Update:" over "Improved usage tracking": what happened (§8.4)
            if not comparative and (has_number(a, st) or not directional(a, st)):
                continue  # "Grow the account by an additional 500 followers": a number
            yield ctx.at_statement(
                st,
                f"Target {quote(st.text)} has no number: nobody can tell whether it was hit.",
                "Put a number and a date on it (e.g. 'Grow pipeline from $2M to $3M by Q3').",
                scope.title,
            )


# -- strategy links -----------------------------------------------------------------------------


@check("P201")
def plan_without_strategy(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    if not a.plans or a.strategies or a.has_strategy_label:
        return  # a strategy heading whose content was not confirmed still leaves us unsure
    if a.doc.front_matter and "strategy" in a.doc.front_matter:
        return
    ok, broken = strategy_link_state(ctx)
    if ok or broken:
        return
    for scope in a.plans:
        if not _plan_items(a, scope):
            continue  # no action items: nothing that needs a strategy behind it
        yield ctx.at_line(
            scope.line,
            f"Plan {quote(scope.title)} serves no strategy: the document has no strategy section "
            "and no link to one.",
            "Add a Strategy section (who you win, why they buy) or link the strategy it executes "
            "(front matter `strategy: ../strategy.md` or a link to its heading).",
            scope.title,
        )
