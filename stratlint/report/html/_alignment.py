"""The alignment maps as data: one per strategy, its pillars and the plan initiatives compared
with it (A301 and A302 judge the same), in the order a reader wants them; and the plans that are
compared with no strategy (P201, P207). Built from the run's `DocumentSummary` records; nothing
is judged here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from stratlint.report.html._common import Page, plural
from stratlint.report.summary import (
    DocumentSummary,
    InitiativeSummary,
    PillarSummary,
    PlanSummary,
    Trace,
)

WAYS = {  # how a trace was made → (class, label on the line, legend text)
    "supports": ("t-supports", "Supports", "Supports: field"),
    "column": ("t-column", "Pillar column", "Pillar column of a table"),
    "anchor": ("t-anchor", "Link", "link to the pillar's heading"),
    "terms": ("t-terms", "Key terms", "shared key terms with the pillar's name"),
}


@dataclass
class Row:
    plan_path: str
    plan_title: str
    init: InitiativeSummary
    flagged: bool = False  # an A302 finding is reported at it


@dataclass
class StrategyMap:
    path: str
    line: int
    title: str
    pillars: list[PillarSummary]
    in_run: bool  # the strategy's own document is in the run: its A301 verdicts are known
    has_plan: bool
    other_plans: tuple[str, ...] = ()  # plans A301 compared with it that are not in the run
    rows: list[Row] = field(default_factory=list)
    flagged: set[int] = field(default_factory=set)  # pillars with an A301 finding

    def traces(self, init: InitiativeSummary) -> list[Trace]:
        return [
            t for t in init.traces if (t.strategy.path, t.strategy.line) == (self.path, self.line)
        ]


def collect(page: Page) -> tuple[list[StrategyMap], list[tuple[DocumentSummary, PlanSummary]]]:
    """The maps, in the order of `_rank`, and the plans that are compared with no strategy.
    What needs attention is what the run reports (A301, A302): a rule turned off or suppressed
    leaves its pillar or initiative unmarked."""
    reported = {(f.rule, f.path, f.line) for f in page.result.findings}
    maps: dict[tuple[str, int], StrategyMap] = {}
    docs = [page.summaries[p] for p in sorted(page.summaries)]
    for d in docs:
        for st in d.strategies:
            maps[(d.path, st.line)] = StrategyMap(
                d.path,
                st.line,
                st.title,
                list(st.pillars),
                True,
                st.has_plan,
                tuple(p for p in st.plans if p not in page.summaries),
                flagged={p.number for p in st.pillars if ("A301", d.path, p.line) in reported},
            )
    apart: list[tuple[DocumentSummary, PlanSummary]] = []
    for d in docs:
        for plan in d.plans:
            if not plan.strategies:
                apart.append((d, plan))
            for ref in plan.strategies:
                m = maps.get((ref.path, ref.line))
                if m is None:
                    pillars = [
                        PillarSummary(i, text, 0, True) for i, text in enumerate(ref.pillars, 1)
                    ]
                    m = maps[(ref.path, ref.line)] = StrategyMap(
                        ref.path, ref.line, ref.title, pillars, False, True
                    )
                m.rows.extend(
                    Row(d.path, plan.title, init, ("A302", d.path, init.line) in reported)
                    for init in plan.initiatives
                )
    return sorted(maps.values(), key=_rank), apart


def _rank(m: StrategyMap) -> tuple[bool, bool, int, str, int]:
    """Maps that need attention first (most unserved pillars and initiatives serving none), then
    the rest; strategies of the run before those only linked to; a map with nothing to draw last."""
    attention = len(m.flagged) + sum(1 for r in m.rows if r.flagged)
    return (not m.pillars and not m.rows, not m.in_run, -attention, m.path, m.line)


# -- reading a map ------------------------------------------------------------------------------


def ordered(m: StrategyMap) -> list[Row]:
    """Rows grouped by plan document; within a plan, initiatives in the order of the pillars they
    trace to (fewer crossing lines), those that trace to none last, document order otherwise."""
    at = {p.number: i for i, p in enumerate(m.pillars)}

    def key(item: tuple[int, Row]) -> tuple[str, int, float, int]:
        n, row = item
        ys = [at[t.pillar] for t in m.traces(row.init) if t.pillar in at]
        centre = sum(ys) / len(ys) if ys else float(len(at) + 1)
        return (row.plan_path, 0, centre, n)

    return [row for _, row in sorted(enumerate(m.rows), key=key)]


def pillar_state(m: StrategyMap, p: PillarSummary, rows: list[Row]) -> str:
    if not m.in_run:
        return "pillar of a strategy outside this run"
    if not m.has_plan:
        return "no plan compared yet"
    if not p.served:
        return "No plan item serves it · A301" if p.number in m.flagged else "not served"
    n = sum(
        1 for r in rows if any(t.pillar == p.number and t.names_pillar for t in m.traces(r.init))
    )
    return f"served by {plural(n, 'initiative')}" if n else "served by a plan outside this run"


def init_state(m: StrategyMap, row: Row) -> str:
    init = row.init
    if init.routine:
        return "routine work (Supports: BAU)"
    if init.serves is None:
        return "no pillar to trace to"
    if not init.serves:
        return "Serves no pillar · A302" if row.flagged else "serves no pillar"
    mine = sorted({t.pillar for t in m.traces(init)})
    if not mine:
        return "serves a pillar of another strategy"
    return "serves " + ", ".join(f"pillar {n}" for n in mine)


def unserved(m: StrategyMap, p: PillarSummary) -> bool:
    """Whether the pillar is reported as one no plan item serves (A301)."""
    return p.number in m.flagged
