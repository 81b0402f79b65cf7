"""Checks on strategy scopes: S101–S108."""

from __future__ import annotations

import re
from collections.abc import Iterator

from stratlint.checks._registry import Context, Hit, check, quote
from stratlint.checks._tactics import likely_tactic, timed_tactic
from stratlint.checks._targets import outcome_target, size_band_only
from stratlint.checks._tradeoffs import chooses_everyone, gives_up, says_not_doing
from stratlint.checks._who import (
    WHO_HEADINGS,
    WHO_TITLE,
    account_page,
    aims_at_others,
    names_others,
    names_place_or_account,
    only_excludes,
    who_field,
    who_label,
    who_section_beside,
)
from stratlint.model import Cls, Statement
from stratlint.understand.analysis import Analysis, Scope
from stratlint.understand.classify import WHO, _only_generic_who
from stratlint.understand.nlp import Signals

_WHY_HEADINGS = (
    "why us",
    "value proposition",
    "value prop",
    "how we win",
    "how to win",
    "differentiation",
    "why customers buy",
    "why they buy",
    "competitive advantage",
)
_CHALLENGE_HEADINGS = ("challenge", "diagnosis", "the challenge", "challenges")
_TRADEOFF_HEADINGS = (
    "what we won't do",
    "what we will not do",
    "where we won't play",
    "where we will not play",
)


def _judged(a: Analysis, st: Statement) -> bool:
    """D402 replaces S101/S102 for the statements of its own section (SPEC §8.5); a D401 section
    keeps its label, so its goals and tactics are still reported."""
    return st.section not in a.mislabeled and a.mixed.get(st.section) != "heading"


def _heading_words(a: Analysis, scope: Scope) -> set[str]:
    words: set[str] = set()
    for s in scope.sections:
        words.update(a.heading_kinds[s].words)
    return words


def _component_has_content(a: Analysis, scope: Scope, names: tuple[str, ...]) -> bool:
    for s in scope.sections:
        if set(a.heading_kinds[s].words) & set(names) and any(
            not a.doc.statements[i].quoted for i in a.doc.sections[s].statements
        ):
            return True
    return False


def _titled_has_content(a: Analysis, scope: Scope, title: re.Pattern[str]) -> bool:
    return any(
        s and title.search(a.doc.sections[s].title) and a.doc.sections[s].statements
        for s in scope.sections
    )


@check("S101")
def goal_as_strategy(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for scope in a.strategies:
        for st in a.statements_of(scope):
            v = a.verdicts.get(st.index)
            if (
                v is None
                or v.cls != Cls.GOAL
                or not _judged(a, st)
                or v.who
                or v.why
                or not a.sure(st)
                or not outcome_target(a, st)
                or size_band_only(a, st)
                or timed_tactic(a, st, v)
                or set(a.heading_kinds[st.section].words) & set(_CHALLENGE_HEADINGS)
            ):
                continue  # "Ben Okafor signs up 10 dealers by March": a step, S102's (§8.4)
            yield ctx.at_statement(
                st,
                f"{quote(st.text)} is a goal, not a strategy: it names an outcome but no choice of "
                "who to win or why they buy.",
                "Say who you will win and why they buy (e.g. 'Focus on enterprise healthcare "
                "clients with value-based selling'), and move the target to a Goals section.",
                scope.title,
            )


@check("S102")
def tactic_in_strategy(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for scope in a.strategies:
        for st in a.statements_of(scope):
            v = a.verdicts.get(st.index)
            if v is None or not _judged(a, st) or gives_up(a, st):
                continue  # "we do not plan to …": a trade-off
            action = (
                v.cls == Cls.ACTION and bool(v.specific) and (a.sure(st) or likely_tactic(a, st, v))
            )
            what = (
                ", ".join(f"{e.label} “{e.text}”" for e in v.specific[:2])
                if action
                else timed_tactic(a, st, v)
            )
            if not what:
                continue
            yield ctx.at_statement(
                st,
                f"{quote(st.text)} is a tactic ({what}), not a strategic choice.",
                "Move it to the plan with an owner and a date; in the strategy, state the choice "
                "it serves (who you target, how you win).",
                scope.title,
            )


def _scope_statements(a: Analysis, scope: Scope) -> list[Statement]:
    """The statements a strategy is judged on as a whole (S103–S108). A D402 section keeps its
    label for these (SPEC §8.5); only a heading that joins two kinds leaves the strategy."""
    return [st for st in a.statements_of(scope) if a.mixed.get(st.section) != "heading"]


def _scope_hit(ctx: Context, scope: Scope, message: str, suggestion: str) -> Hit:
    return ctx.at_line(scope.line, message, suggestion, scope.title)


def _strategies(ctx: Context) -> Iterator[tuple[Scope, list[Statement]]]:
    a = ctx.analysis
    for scope in a.strategies:
        sts = _scope_statements(a, scope)
        if not any(not st.is_field for st in sts):
            continue  # an empty strategy heading (template) has nothing to judge yet
        classified = [
            st for st in sts if a.cls(st) in (Cls.GOAL, Cls.CHOICE) or st.section in a.mislabeled
        ]
        if not classified:
            # Nothing in it chooses or targets: a pointer ("Our strategy is in [this
            # document](…)"), a team page named "Sales strategy", an unfilled template, or a
            # description. Judging it as a strategy would be noise.
            continue
        yield scope, sts


@check("S103")
def strategy_missing_who(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for scope, sts in _strategies(ctx):
        if _component_has_content(a, scope, WHO_HEADINGS) or _titled_has_content(
            a, scope, WHO_TITLE
        ):
            continue
        if account_page(a, scope) or who_section_beside(a, scope):
            continue
        named = False
        universal = False
        for st in sts:
            sig = a.signals[st.index]
            v = a.verdicts.get(st.index)
            # Only a choice names whom we sell to: customers told of in the diagnosis, or a
            # segment only excluded, are not a choice of who. A goal counts with a where-phrase,
            # or where the tag model sees a sign of who in its object ("Grow university revenue
            # by $1.6M"): an absence claim is silenced by doubt (§8.9).
            goal = v is not None and v.cls == Cls.GOAL
            choice = v is not None and v.cls == Cls.CHOICE
            place = (goal or choice) and names_place_or_account(a, st)
            if v is None or not (
                v.cls == Cls.CHOICE or (goal and (v.who or a.hinted(st, "who"))) or place
            ):
                continue
            if only_excludes(sig):
                continue  # "We will not chase SMB": names whom we leave, not whom we sell to
            if sig.has("universal"):
                universal = True  # "across all industries": a who that chooses nobody
            elif (
                (sig.has(*WHO) and not _only_generic_who(sig) and names_others(sig))
                or place
                or (choice and aims_at_others(sig))
            ):
                named = True
        named = named or any(
            a.tagged(st, "who") or who_label(a, st) or who_field(a, st) for st in sts
        )
        heading_text = " ".join(a.doc.sections[s].title for s in scope.sections if s)
        if named:
            continue
        what = "says it sells to everyone" if universal else "never says who you sell to"
        yield _scope_hit(
            ctx,
            scope,
            f"Strategy {quote(scope.title or heading_text)} {what}: no target customer, segment, "
            "market, vertical, geography or persona.",
            "Name where you play: the segment, industry, region or buyer you will win (e.g. "
            "'US mid-market 3PLs, 200–2,000 employees; buyer: VP Operations').",
        )


@check("S104")
def strategy_missing_why(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for scope, sts in _strategies(ctx):
        if _component_has_content(a, scope, _WHY_HEADINGS):
            continue
        # A value cue says why customers choose you inside a choice ("Win on next-day delivery
        # because …"); in a goal or an action it says something else ("compared with 2026",
        # "send the case study"), as the cue lexicon's own definition has it.
        if any(
            a.signals[st.index].has("value", "VALUE_CLAIM") and a.cls(st) == Cls.CHOICE
            for st in sts
        ) or any(a.tagged(st, "why") or _doubt_of_why(a, st) for st in sts):
            continue
        if any(
            a.signals[st.index].has("value")
            and a.verdicts.get(st.index) is not None
            and a.verdicts[st.index].why
            and _our_claim(a, st)
            for st in sts
        ):
            continue
        yield _scope_hit(
            ctx,
            scope,
            f"Strategy {quote(scope.title)} never says why customers choose you: no value "
            "proposition, differentiation, advantage or problem solved.",
            "Say how you win: the problem you solve and why buyers pick you over the "
            "alternative (e.g. 'Hospitals buy because we cut claim denials, a cost they track').",
        )


def _doubt_of_why(a: Analysis, st: Statement) -> bool:
    """A sign of a why below the tag model's sure threshold keeps S104 silent (precision first),
    except in a sure goal or action: "Cut freight cost per square metre by 20%" or "Run the
    spring clinic series" says what the business wants or does, not why customers buy."""
    if not a.hinted(st, "why") or (a.sure(st) and a.cls(st) in (Cls.GOAL, Cls.ACTION)):
        return False
    # A sure description of how things stand ("Quick-turn prices from the large fabs fell by
    # 30%, and our win rate on small quotes halved") is the diagnosis, not why buyers choose us:
    # the model reads it as context at least `described` (thresholds.yaml).
    return a.class_proba.get(st.index, {}).get("CONTEXT", 0.0) < a.described_floor


def _our_claim(a: Analysis, st: Statement) -> bool:
    low = st.text.lower()
    return any(w in low.split() for w in ("we", "our", "us", "customers", "buyers", "they"))


def _diagnoses(a: Analysis, st: Statement) -> bool:
    """A challenge cue names the strategy's diagnosis in what it says is so or what it chooses,
    not in a goal or an action: "Grow turnover from £2.4M to £3.2M" measures revenue, "Traffic
    moves all issue advertising to a pre-paid rate card" is a step (the cue lexicon's own
    definition: obstacles, competitors, market conditions)."""
    return a.signals[st.index].has("challenge") and a.cls(st) not in (Cls.GOAL, Cls.ACTION)


@check("S105")
def strategy_missing_challenge(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for scope, sts in _strategies(ctx):
        if _heading_words(a, scope) & set(_CHALLENGE_HEADINGS) or account_page(a, scope):
            continue
        if any(_diagnoses(a, st) or a.tagged(st, "challenge") for st in sts):
            continue
        yield _scope_hit(
            ctx,
            scope,
            f"Strategy {quote(scope.title)} names no challenge it answers: no obstacle, "
            "competitor or market condition.",
            "Add the diagnosis: what stands in the way (e.g. 'We lose late-stage deals to "
            "no-decision because buyers cannot build the business case').",
        )


@check("S106")
def strategy_fluff(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    doc = a.doc
    for scope in a.strategies:
        for st in a.doc.statements:
            if (
                st.section not in scope.sections
                or st.quoted
                or (st.form == "heading" and st.section == a.doc.title)
            ):
                continue
            sig = a.signals[st.index]
            taken: list[tuple[int, int]] = []
            # The longest phrase wins where phrases overlap ("take it to the next level").
            for start, end in sorted(sig.get("buzzwords"), key=lambda sp: (sp[0], sp[0] - sp[1])):
                if any(start < e and s < end for s, e in taken):
                    continue
                taken.append((start, end))
                word = sig.text[start:end]
                if word.lower() in ("leverage",) and sig.text[
                    end : end + 7
                ].lower().strip().startswith("ratio"):
                    continue
                if _describes_customer(sig, end):
                    continue  # "independent full-service hotels": a kind of customer, not fluff
                line, col = doc.position(st.offsets[start])
                eline, ecol = doc.position(st.offsets[end - 1])
                yield Hit(
                    line,
                    col,
                    eline,
                    ecol + 1,
                    f"“{word}” is fluff: it sounds strategic but says nothing a team can act on.",
                    "Replace it with the concrete choice, customer or mechanism you mean.",
                    scope.title,
                )


def _describes_customer(sig: Signals, end: int) -> bool:
    """A compound adjective (ending at `end`) before a plural kind of customer says which of
    them ("independent full-service hotels", "Full-service and resort hotels"), not fluff."""
    after = [sp for lab in ("segments", "industries") for sp in sig.get(lab) if sp[0] >= end]
    if not after:
        return False
    a0, b0 = min(after)
    gap = sig.text[end:a0]
    noun = sig.text[a0:b0].lower()
    plural = noun.endswith("s") and not noun.endswith("ss")
    compound = "-" in sig.text[:end].rsplit(" ", 1)[-1]
    return compound and plural and bool(re.fullmatch(r"\s+(?:(?:and|or)\s+[a-z-]+\s+)?", gap))


@check("S107")
def strategy_no_tradeoff(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for scope, sts in _strategies(ctx):
        if _heading_words(a, scope) & set(_TRADEOFF_HEADINGS) and _component_has_content(
            a, scope, _TRADEOFF_HEADINGS
        ):
            continue
        universal = [st for st in sts if chooses_everyone(a, st)]
        tradeoff = any(says_not_doing(a, st) for st in sts) or any(
            a.tagged(st, "tradeoff") for st in sts
        )
        if tradeoff and not universal:
            continue
        if universal:
            msg = (
                f"Strategy {quote(scope.title)} chooses everything "
                f"({quote(universal[0].text, 50)}): a strategy also says where you will not play."
            )
        else:
            msg = (
                f"Strategy {quote(scope.title)} never says what you will not do: no trade-off, "
                "focus or exclusion."
            )
        yield _scope_hit(
            ctx,
            scope,
            msg,
            "State a trade-off: the segments, channels or deals you will not pursue (e.g. 'We "
            "will not chase SMB deals under $10k ACV').",
        )


@check("S108")
def too_many_priorities(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    limit = int(ctx.options.get("max-pillars", 5))
    for scope, _ in _strategies(ctx):
        pillars = _pillars(a, scope)
        if len(pillars) > limit:
            yield _scope_hit(
                ctx,
                scope,
                f"Strategy {quote(scope.title)} has {len(pillars)} pillars; more than {limit} "
                "priorities is a wish list, not a choice.",
                f"Keep the few choices that matter most (at most {limit}); move the rest to the "
                "plan or drop them.",
            )


def _pillars(a: Analysis, scope: Scope) -> list[tuple[str, int, str]]:
    """Pillars: CHOICE subsections of the strategy root, or its top-level CHOICE items.

    Returns (kind, index, text) with kind "section" or "item".
    """
    from stratlint.checks._pillars import pillars_of

    return pillars_of(a, scope)
