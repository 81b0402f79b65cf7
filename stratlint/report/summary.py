"""What a run knew about each document, as frozen records for reports that draw it.

The findings say what is wrong; a `DocumentSummary` says how the document was read: its sections
with their kinds, its strategies with their pillars, its plans with their initiatives and, for
each initiative, which pillars it traces to and how (the traces A301 and A302 judge). The engine
builds one per document only when a report asks for it (`--format html`); it never changes which
findings are produced. Reporters read these records and decide nothing.

The records themselves live with the others in `stratlint.model` (`Result.summaries` holds them,
and the floor names nothing above it); this module builds them and still exports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stratlint.model import (
    Cls,
    DocumentSummary,
    InitiativeSummary,
    Kind,
    LinkSummary,
    PillarSummary,
    PlanSummary,
    SectionSummary,
    StrategyRef,
    StrategySummary,
    Trace,
)

if TYPE_CHECKING:
    from stratlint.checks import Context
    from stratlint.understand.analysis import Analysis
    from stratlint.understand.links import Resolver

__all__ = [
    "DocumentSummary",
    "InitiativeSummary",
    "LinkSummary",
    "PillarSummary",
    "PlanSummary",
    "SectionSummary",
    "StrategyRef",
    "StrategySummary",
    "Trace",
    "summarize",
]


_PILLAR_COLUMNS = ("supports", "pillar", "strategy pillar", "serves")  # as alignment reads them


def summarize(analysis: Analysis, resolver: Resolver) -> DocumentSummary:
    """The summary of one analysed document; `resolver` answers its links (the engine passes a
    fresh one, so what the findings depended on is not touched)."""
    from stratlint.checks import Context

    a = analysis
    ctx = Context(a, resolver)
    doc = a.doc
    title = doc.sections[doc.title].title if doc.title is not None else ""
    return DocumentSummary(
        doc.path,
        title or doc.name,
        _sections(a),
        _strategies(ctx),
        _plans(ctx),
        _links(ctx) if a.plans else (),
    )


def _sections(a: Analysis) -> tuple[SectionSummary, ...]:
    doc = a.doc
    scope_kind: dict[int, Kind] = {}
    for scope in a.strategies + a.plans + a.goals:
        for i in scope.sections:
            scope_kind.setdefault(i, scope.kind)
    out = []
    for sec in doc.sections:
        if sec.index == 0 and not sec.statements:
            continue
        counts = {Cls.GOAL: 0, Cls.CHOICE: 0, Cls.ACTION: 0, Cls.CONTEXT: 0}
        for i in sec.statements:
            st = doc.statements[i]
            if not st.quoted and not st.is_field:
                counts[a.cls(st)] += 1
        kind = Kind.MIXED if sec.index in a.mixed else a.kinds[sec.index]
        wrong = a.mislabeled.get(sec.index)
        out.append(
            SectionSummary(
                sec.title,
                sec.level,
                sec.line,
                sec.end_line,
                kind,
                scope_kind.get(sec.index),
                wrong[1] if wrong else None,
                counts[Cls.GOAL],
                counts[Cls.CHOICE],
                counts[Cls.ACTION],
                mixed=sec.index in a.mixed,
                label=a.heading_kinds[sec.index].kind,
            )
        )
    return tuple(out)


def _strategies(ctx: Context) -> tuple[StrategySummary, ...]:
    from stratlint.checks._initiatives import serves
    from stratlint.checks._pillars import pillar_records
    from stratlint.checks.alignment import plan_initiatives

    a = ctx.analysis
    out = []
    for scope in a.strategies:
        inits = plan_initiatives(ctx, scope)
        pillars = tuple(
            PillarSummary(
                p.number,
                p.text,
                p.line,
                inits is not None and any(serves(i, p, strict=True) for i in inits),
            )
            for p in pillar_records(a, scope)
        )
        plans = {
            other.doc.path
            for other, res in ctx.resolver.linked_plans()
            if any(sc.line == scope.line for sc in res.scopes)
        }
        if a.plans:
            plans.add(a.doc.path)
        out.append(
            StrategySummary(
                scope.title, scope.line, pillars, inits is not None, tuple(sorted(plans))
            )
        )
    return tuple(out)


def _plans(ctx: Context) -> tuple[PlanSummary, ...]:
    from stratlint.checks._initiatives import initiatives_of, is_routine, serves, trace
    from stratlint.checks._pillars import pillar_records
    from stratlint.checks.alignment import compared_strategies

    a = ctx.analysis
    if not a.plans:
        return ()
    seen: set[tuple[str, int]] = set()
    compared = []
    for other, scope in compared_strategies(ctx):
        if (other.doc.path, scope.line) in seen:
            continue
        seen.add((other.doc.path, scope.line))
        pillars = pillar_records(other, scope)
        ref = StrategyRef(other.doc.path, scope.line, scope.title, tuple(p.text for p in pillars))
        compared.append((ref, pillars))
    every = [p for _, pillars in compared for p in pillars]
    columns = {
        v for st in a.doc.statements for h, v in st.cells if h.strip().lower() in _PILLAR_COLUMNS
    }
    out = []
    for scope in a.plans:
        inits = []
        for init in initiatives_of(a, scope):
            traces = []
            for ref, pillars in compared:
                for p in pillars:
                    strict = trace(init, p, strict=True)
                    found = strict or trace(init, p)
                    if found is None:
                        continue
                    way, evidence = found
                    if way == "supports" and evidence in columns:
                        way = "column"
                    traces.append(Trace(ref, p.number, way, evidence, strict is not None))
            routine = is_routine(init)
            verdict = (routine or any(serves(init, p) for p in every)) if every else None
            inits.append(InitiativeSummary(init.text, init.line, routine, verdict, tuple(traces)))
        out.append(
            PlanSummary(scope.title, scope.line, tuple(ref for ref, _ in compared), tuple(inits))
        )
    return tuple(out)


def _links(ctx: Context) -> tuple[LinkSummary, ...]:
    from stratlint.understand.links import LinkStatus, names_strategy

    a = ctx.analysis
    out = []
    fm = a.doc.front_matter.get("strategy") if a.doc.front_matter else None
    if fm is not None:
        line = a.doc.front_matter_lines.get("strategy", 1)
        for value in fm if isinstance(fm, list) else [fm]:
            out.append(LinkSummary(str(value), line, ctx.resolver.resolve(str(value)).status.value))
    for link in a.doc.links:  # as P201 and P207 read them
        res = ctx.resolver.resolve(link.target)
        elsewhere = res.analysis is not a or link.target.startswith("#")
        if (res.status == LinkStatus.STRATEGY and elsewhere) or (
            res.status not in (LinkStatus.STRATEGY, LinkStatus.EXTERNAL)
            and names_strategy(link.text, link.target)
        ):
            out.append(LinkSummary(link.target, link.line, res.status.value))
    return tuple(out)
