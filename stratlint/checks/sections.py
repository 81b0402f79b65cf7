"""Checks on whole sections: D401 mixed-section, D402 mislabeled-section (SPEC §8.5)."""

from __future__ import annotations

from collections.abc import Iterator

from stratlint.checks._registry import Context, Hit, check, quote
from stratlint.model import Kind


def _title(ctx: Context, idx: int) -> str:
    sec = ctx.analysis.doc.sections[idx]
    return sec.title or ctx.analysis.doc.name


def _line(ctx: Context, idx: int) -> int:
    a = ctx.analysis
    if idx == 0:
        return a.doc.sections[a.doc.title].line if a.doc.title is not None else 1
    return a.doc.sections[idx].line


@check("D401")
def mixed_section(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for idx, why in sorted(a.mixed.items()):
        title = _title(ctx, idx)
        if why == "heading":
            msg = f"Section {quote(title)} joins strategy and plan in one heading."
        else:
            msg = f"Section {quote(title)} mixes strategy choices and plan actions in one place."
        yield ctx.at_line(
            _line(ctx, idx),
            msg,
            "Split it: choices (who, how you win, what you won't do) under a Strategy heading, "
            "actions with owners and dates under a Plan heading.",
            title,
        )


@check("D402")
def mislabeled_section(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    names = {Kind.STRATEGY: "strategy", Kind.PLAN: "plan", Kind.GOALS: "goals"}
    for idx, (label, actual, foreign, total) in sorted(a.mislabeled.items()):
        title = _title(ctx, idx)
        what = {
            Kind.PLAN: "plan actions",
            Kind.GOALS: "goals and targets",
            Kind.STRATEGY: "strategy choices",
        }[actual]
        yield ctx.at_line(
            _line(ctx, idx),
            f"Section {quote(title)} is labelled {names[label]} but {foreign} of its {total} "
            f"statements are {what}.",
            f"Rename it to what it is ({names[actual].capitalize()}), or rewrite it as a "
            f"{names[label]}"
            + (
                ": who you target, how you win, what you won't do."
                if label == Kind.STRATEGY
                else ": actions with owners and dates."
            ),
            title,
        )
