"""The alignment section of the page: a figure per strategy map (the drawing, what needs
attention as links, the map as a table), the legend, and the plans with no strategy."""

from __future__ import annotations

from stratlint.read.pathnames import display
from stratlint.report.html._alignment import (
    WAYS,
    StrategyMap,
    collect,
    init_state,
    ordered,
    unserved,
)
from stratlint.report.html._common import Page, clip, esc, plural
from stratlint.report.html._svg import draw
from stratlint.report.summary import DocumentSummary, PlanSummary, Trace

__all__ = ["collect", "legend", "render_apart", "render_map"]


def render_map(page: Page, m: StrategyMap, n: int) -> str:
    mid = f"map{n}"
    pillars_attn = [p for p in m.pillars if unserved(m, p)]
    rows_attn = [r for r in m.rows if r.flagged]
    served = sum(1 for p in m.pillars if p.served)
    facts = [plural(len(m.pillars), "pillar")]
    if m.in_run and m.has_plan and m.pillars:
        facts.append(f"{served} of {len(m.pillars)} served")
    facts.append(plural(len(m.rows), "plan initiative"))
    if rows_attn:
        facts.append(f"{len(rows_attn)} serve no pillar")
    where = (
        page.doc_link(m.path, m.line)
        if m.in_run
        else (f'{esc(display(m.path))} <span class="muted">(linked, not in this run)</span>')
    )
    out = [
        f'<figure class="map" id="{mid}" aria-labelledby="{mid}-h">',
        f'<figcaption><h3 id="{mid}-h">{esc(m.title)}</h3> · {where}'
        f'<br><span class="muted">{esc(" · ".join(facts))}</span></figcaption>',
    ]
    if not m.pillars and not m.rows:
        out.append(
            '<p class="muted">No pillars (choice items or subsections of the strategy) and '
            "no plan compared with it: nothing to trace.</p></figure>"
        )
        return "\n".join(out)
    out.append(draw(m, mid, pillars_attn, rows_attn))
    notes = []
    if not m.pillars:
        notes.append(
            "This strategy names no pillars (choice items or subsections) for plan "
            "initiatives to trace to."
        )
    elif m.in_run and not m.has_plan:
        notes.append(
            "No plan in this run or linking to it is compared with this strategy: its "
            "pillars have no plan yet (A301 needs a plan to judge)."
        )
    if m.other_plans:
        notes.append("Also compared with plans outside this run: " + ", ".join(m.other_plans) + ".")
    out.extend(f'<p class="muted">{esc(t)}</p>' for t in notes)
    if pillars_attn or rows_attn:
        out.append('<ul class="attn-list">')
        out.extend(
            f"<li>Pillar {p.number} {page.doc_link(m.path, p.line, clip(p.text, 90))}: "
            "no plan item serves it (A301).</li>"
            for p in pillars_attn
        )
        out.extend(
            f"<li>{page.doc_link(r.plan_path, None, r.plan_path)} line {r.init.line}: "
            f"“{esc(clip(r.init.text, 90))}” serves no pillar (A302).</li>"
            for r in rows_attn
        )
        out.append("</ul>")
    out.append(_table(page, m))
    out.append("</figure>")
    return "\n".join(out)


def _table(page: Page, m: StrategyMap) -> str:
    if not m.rows:
        return ""
    out = [
        "<details><summary>The map as a table</summary><table><thead><tr><th>Initiative</th>"
        "<th>Plan</th><th>Pillar</th><th>How</th><th>Evidence</th></tr></thead><tbody>"
    ]
    for row in ordered(m):
        traces: list[Trace | None] = [*m.traces(row.init)] or [None]
        for t in traces:
            if t is None:
                pillar, how, ev = "—", init_state(m, row), ""
            else:
                pillar = f"{t.pillar}"
                label = WAYS.get(t.way, WAYS["terms"])[1]
                how = label if t.names_pillar else "Related words"
                ev = t.evidence
            out.append(
                f"<tr><td>{esc(clip(row.init.text, 120))}</td>"
                f"<td>{page.doc_link(row.plan_path)}, line {row.init.line}</td>"
                f'<td class="num">{esc(pillar)}</td><td>{esc(how)}</td>'
                f"<td>{esc(clip(ev, 80))}</td></tr>"
            )
    out.append("</tbody></table></details>")
    return "\n".join(out)


def legend() -> str:
    items = [
        f'<li><span class="sw line {cls}"></span>{esc(text)}</li>' for cls, _, text in WAYS.values()
    ]
    items.append(
        '<li><span class="sw line weak"></span>related words only (does not count '
        "for the pillar)</li>"
    )
    items.append(
        '<li><span class="sw attn"></span>needs attention: a pillar no plan serves '
        "(A301), an initiative that serves no pillar (A302)</li>"
    )
    return '<ul class="legend" aria-label="How to read the maps">' + "".join(items) + "</ul>"


def render_apart(page: Page, apart: list[tuple[DocumentSummary, PlanSummary]]) -> str:
    if not apart:
        return '<p class="muted">Every plan is compared with a strategy.</p>'
    cards = []
    for d, plan in apart:
        broken = [lk for lk in d.strategy_links if lk.status != "strategy"]
        rules = sorted(
            {f.rule for f in page.findings.get(d.path, ()) if f.rule in ("P201", "P207")}
        )
        if broken:
            why = "Broken strategy link: " + "; ".join(
                f"<code>{esc(clip(lk.target, 60))}</code> (line {lk.line}): {esc(lk.status)}"
                for lk in broken
            )
        else:
            why = "No strategy in the document and no link to one."
        tag = f' <span class="rule">{esc(", ".join(rules))}</span>' if rules else ""
        n = len(plan.initiatives)
        cards.append(
            f'<div class="card"><p><strong>{page.doc_link(d.path, plan.line, plan.title)}'
            f'</strong>{tag}</p><p class="muted">{esc(d.path)} · '
            f"{plural(n, 'initiative')}</p><p>{why}</p></div>"
        )
    return '<div class="apart">' + "\n".join(cards) + "</div>"
