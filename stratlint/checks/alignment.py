"""Traceability between strategy pillars and plan initiatives: A301, A302.

The pillars are in `_pillars`, the initiatives and what serving means in `_initiatives`; this
module finds the strategies and plans to compare (this document's and those its links resolve
to) and reports.
"""

from __future__ import annotations

from collections.abc import Iterator

from stratlint.checks._initiatives import (
    GENERIC,
    Initiative,
    Served,
    initiatives_of,
    is_routine,
    serves,
)
from stratlint.checks._pillars import pillar_records
from stratlint.checks._registry import Context, Hit, check, quote
from stratlint.understand.analysis import Analysis, Scope
from stratlint.understand.classify import content_words
from stratlint.understand.links import LinkStatus


def compared_strategies(ctx: Context) -> list[tuple[Analysis, Scope]]:
    """The strategies a document's plans are compared with (A302): its own, then those its
    strategy links resolve to."""
    a = ctx.analysis
    out = [(a, scope) for scope in a.strategies]
    for target in _strategy_targets(a):
        res = ctx.resolver.resolve(target)
        if res.status == LinkStatus.STRATEGY and res.analysis is not None and res.analysis is not a:
            out.extend((res.analysis, scope) for scope in res.scopes)
    return out


def _strategy_targets(a: Analysis) -> list[str]:
    targets = []
    fm = a.doc.front_matter.get("strategy") if a.doc.front_matter else None
    if isinstance(fm, str):
        targets.append(fm)
    targets.extend(lk.target for lk in a.doc.links)
    return targets


def plan_initiatives(ctx: Context, scope: Scope) -> list[Initiative] | None:
    """Initiatives that can serve the strategy `scope`: this document's plans, and plans in other
    documents whose strategy link points at it (the project's reverse index); None if no plan."""
    return _initiatives(ctx.analysis, _linked(ctx, scope))


def _linked(ctx: Context, scope: Scope) -> list[Analysis]:
    """Other documents with a plan whose strategy link points at the strategy `scope`."""
    return [
        other
        for other, res in ctx.resolver.linked_plans()
        if any(sc.line == scope.line for sc in res.scopes)
    ]


def _initiatives(a: Analysis, linked: list[Analysis]) -> list[Initiative] | None:
    if not a.plans and not linked:
        return None
    return [i for d in (a, *linked) for p in d.plans for i in initiatives_of(d, p)]


def _served(ctx: Context, scope: Scope) -> Served | None:
    """`plan_initiatives` as a `Served`, built once for every strategy served by the same plans."""
    a = ctx.analysis
    linked = _linked(ctx, scope)
    key = ("served", tuple(id(d) for d in linked))
    if key not in a.memo:
        inits = _initiatives(a, linked)
        a.memo[key] = None if inits is None else Served(inits)
    served: Served | None = a.memo[key]
    return served


@check("A301")
def strategy_without_plan(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for scope in a.strategies:
        served = _served(ctx, scope)
        if served is None:
            continue
        for pillar in pillar_records(a, scope):
            if served(pillar, strict=True):
                continue
            st_line = pillar.line
            yield ctx.at_line(
                st_line,
                f"Pillar {quote(pillar.text, 60)} has no plan item that serves it: a strategy "
                "without a plan is just a dream.",
                "Add a plan initiative for it with `Supports: <pillar>` (owner, date, target), or "
                "drop the pillar.",
                scope.title,
            )


def _words(a: Analysis, scope: Scope) -> set[str]:
    return content_words(" ".join(st.text for st in a.statements_of(scope)))


@check("A302")
def plan_without_pillar(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    strategies = compared_strategies(ctx)
    pillars = [p for d, s in strategies for p in pillar_records(d, s)]
    if not pillars:
        return
    # Shared key terms with the strategy, looked up at once: its pillars and the parts that are
    # none (an initiative on the diagnosis or on why customers buy serves the strategy too); a
    # `Supports:` value or a link is tried pillar by pillar.
    terms = set().union(*(p.terms for p in pillars), *(_words(d, s) for d, s in strategies))
    terms -= GENERIC
    for scope in a.plans:
        for init in initiatives_of(a, scope):
            if is_routine(init) or (init.terms - GENERIC) & terms:
                continue
            if (init.supports or init.links) and any(serves(init, p) for p in pillars):
                continue
            if init.kind == "section":
                hit = ctx.at_line(init.line, "", "", scope.title)
            else:
                st = a.doc.statements[init.index]
                hit = ctx.at_statement(st, "", "", scope.title)
            yield Hit(
                hit.line,
                hit.column,
                hit.end_line,
                hit.end_column,
                f"Initiative {quote(init.text, 60)} serves no strategy pillar: a plan without a "
                "strategy is just busy work.",
                "Tie it to a pillar with `Supports: <pillar>` or a link to the pillar's heading, "
                "or mark routine work `Supports: BAU`; otherwise drop it.",
                scope.title,
            )
