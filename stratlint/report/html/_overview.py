"""The top of the report: the run in numbers, findings per rule, the worst documents first."""

from __future__ import annotations

from collections import Counter

from stratlint.report._counts import summary_counts
from stratlint.report.html._common import SEVERITIES, Page, esc, plural, severity_badges

WORST = 12  # documents listed in "worst first"


def tiles(page: Page) -> str:
    result = page.result
    counts = summary_counts(result)
    docs = list(page.summaries.values())
    strategies = sum(len(d.strategies) for d in docs)
    pillars = [(s, p) for d in docs for s in d.strategies for p in s.pillars]
    by_rule = Counter(f.rule for f in result.findings)
    unserved, no_pillar = by_rule["A301"], by_rule["A302"]  # as reported, suppressions honoured
    plans = [p for d in docs for p in d.plans]
    inits = [i for p in plans for i in p.initiatives]
    apart = sum(1 for p in plans if not p.strategies)
    with_findings = sum(1 for p in page.paths if page.findings.get(p))
    not_linted = len({e.path for e in result.errors if e.path not in page.ids})

    def tile(n: int, label: str, sub: str = "", attn: bool = False) -> str:
        cls = "tile attn" if attn else "tile"
        sub_html = f'<br><span class="l">{esc(sub)}</span>' if sub else ""
        return (
            f'<div class="{cls}"><span class="n">{n:,}</span><span class="l">{esc(label)}'
            f"</span>{sub_html}</div>"
        )

    total = sum(counts.values())
    parts = [
        tile(
            len(page.paths),
            "documents",
            f"{with_findings:,} with findings"
            + (f", {not_linted} not linted" if not_linted else ""),
        ),
        tile(
            total,
            "findings",
            " · ".join(
                plural(counts[k], k, "info" if k == "info" else None)
                for k in SEVERITIES
                if counts[k]
            ),
            attn=counts["error"] > 0,
        ),
        tile(strategies, "strategies", f"{plural(len(pillars), 'pillar')}"),
        tile(
            unserved, "pillars no plan serves", "A301: a strategy without a plan", attn=unserved > 0
        ),
        tile(len(inits), "plan initiatives", f"in {plural(len(plans), 'plan')}"),
        tile(no_pillar, "initiatives serving no pillar", "A302: busy work", attn=no_pillar > 0),
        tile(apart, "plans with no strategy", "P201 / P207", attn=apart > 0),
    ]
    return '<div class="tiles">' + "".join(parts) + "</div>"


def rules_table(page: Page) -> str:
    from stratlint import catalog

    findings = page.result.findings
    if not findings:
        return '<p class="clean">No findings in this run.</p>'
    docs = catalog.rules()
    per_rule = Counter(f.rule for f in findings)
    files = {r: len({f.path for f in findings if f.rule == r}) for r in per_rule}
    sev = {f.rule: f.severity.value for f in findings}
    top = max(per_rule.values())
    rows = []
    rank = {k: i for i, k in enumerate(SEVERITIES)}
    for rule, n in sorted(per_rule.items(), key=lambda kv: (rank[sev[kv[0]]], -kv[1], kv[0])):
        d = docs.get(rule)
        name = d.name if d else next(f.name for f in findings if f.rule == rule)
        summary = d.summary if d else ""
        width = max(2, round(120 * n / top))
        rows.append(
            f'<tr><td class="nw"><span class="rule">{esc(rule)}</span> '
            f'<span class="muted">{esc(name)}</span></td><td>{esc(summary)}</td>'
            f'<td><span class="sev sev-{sev[rule]}">{sev[rule]}</span></td>'
            f'<td class="num">{n:,}</td><td class="num">{files[rule]:,}</td>'
            f'<td><span class="bar sev-{sev[rule]}" style="width:{width}px"></span></td>'
            "</tr>"
        )
    return (
        "<table><thead><tr><th>Rule</th><th>What it means</th>"
        '<th>Severity</th><th class="num">Findings</th><th class="num">Documents</th>'
        '<th><span class="vh">Share of findings</span></th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
    )


def worst_table(page: Page) -> str:
    ranked = sorted(
        (p for p in page.paths if page.findings.get(p)),
        key=lambda p: tuple(-page.counts(p)[k] for k in SEVERITIES) + (p,),
    )
    if not ranked:
        return '<p class="clean">Every document is clean.</p>'
    rows = []
    for p in ranked[:WORST]:
        title = page.summaries[p].title if p in page.summaries else ""
        sub = f'<br><span class="muted">{esc(title)}</span>' if title and title != p else ""
        rows.append(
            f"<tr><td>{page.doc_link(p)}{sub}</td><td>{severity_badges(page.counts(p))}</td></tr>"
        )
    more = len(ranked) - WORST
    tail = (
        f'<p class="muted">and {plural(more, "more document")} with findings, below.</p>'
        if more > 0
        else ""
    )
    return (
        "<table><thead><tr><th>Document (most errors first, then warnings, then info)</th>"
        "<th>Findings</th>"
        "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>" + tail
    )
