"""One alignment map drawn as inline SVG: pillars on the left, initiatives on the right grouped
by plan document, one line per trace labelled by how it was made; what needs attention (A301,
A302) is marked with a dashed border and a text, not by colour alone. The drawing is an image
with a title and a description; the table under it carries the links.
"""

from __future__ import annotations

import textwrap

from stratlint.report.html._alignment import (
    WAYS,
    Row,
    StrategyMap,
    init_state,
    ordered,
    pillar_state,
    unserved,
)
from stratlint.report.html._common import clip, esc, plural
from stratlint.report.summary import PillarSummary, Trace

WIDTH = 980  # the drawing's own units; the SVG scales to the page
PILLAR_W, INIT_W = 318, 372
INIT_X = WIDTH - INIT_W
LINE_H, PAD = 17, 10
PILLAR_CHARS, INIT_CHARS = 33, 44  # characters a line of each box holds, wide fonts included
MAX_ROWS = 60  # initiatives drawn per map; the table under it lists every one


def _wrap(text: str, width: int, lines: int) -> list[str]:
    out = textwrap.wrap(" ".join(text.split()), width, break_long_words=True) or [""]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = clip(out[-1] + " …", width)
    return out


# A box: its top, its height, its lines of text.
_Box = tuple[float, float, list[str]]
# A trace drawn: (pillar index, row index, trace).
_Edge = tuple[int, int, Trace]
_TOP = 30  # where the boxes start, under the column heads


def draw(m: StrategyMap, mid: str, pillars_attn: list[PillarSummary], rows_attn: list[Row]) -> str:
    rows = ordered(m)
    drawn = rows[:MAX_ROWS]
    edges, ports_p, ports_r = _edges(m, drawn)
    r_boxes, group_heads, y = _initiative_boxes(drawn, ports_r)
    p_boxes, py = _pillar_boxes(m, ports_p, y - _TOP)
    height = int(max(y, py, _TOP + 40) + 10)

    desc = _alt(m, pillars_attn, rows_attn, len(edges))
    out = [
        f'<svg viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{mid}-t {mid}-d" '
        f'focusable="false"><title id="{mid}-t">Alignment map of {esc(m.title)}</title>'
        f'<desc id="{mid}-d">{esc(desc)}</desc>',
        '<text class="colhead" x="0" y="14">STRATEGY PILLARS</text>',
        f'<text class="colhead" x="{INIT_X}" y="14">PLAN INITIATIVES</text>',
    ]
    # Lines first, boxes over them.
    out += _traces(m, drawn, edges, p_boxes, r_boxes)
    out += _pillars(m, drawn, p_boxes)
    out += _initiatives(m, drawn, r_boxes, group_heads)
    if len(rows) > len(drawn):
        out.append(
            f'<text class="group" x="{INIT_X}" y="{height - 4}">and '
            f"{len(rows) - len(drawn)} more (see the table)</text>"
        )
    out.append("</svg>")
    return "\n".join(out)


def _edges(m: StrategyMap, drawn: list[Row]) -> tuple[list[_Edge], list[int], list[int]]:
    """Which traces are drawn, and how many meet each pillar's and each initiative's box."""
    pillar_at = {p.number: i for i, p in enumerate(m.pillars)}
    edges: list[_Edge] = []
    for r, row in enumerate(drawn):
        for t in m.traces(row.init):
            if t.pillar in pillar_at:
                edges.append((pillar_at[t.pillar], r, t))
    ports_p = [0] * len(m.pillars)
    ports_r = [0] * len(drawn)
    for pi, ri, _ in edges:
        ports_p[pi] += 1
        ports_r[ri] += 1
    return edges, ports_p, ports_r


def _initiative_boxes(
    drawn: list[Row], ports_r: list[int]
) -> tuple[list[_Box], list[tuple[float, str]], float]:
    """Initiatives: boxes stacked, a group heading where the plan document changes; and where
    the column ends."""
    r_boxes: list[_Box] = []
    y = float(_TOP)
    group_heads: list[tuple[float, str]] = []
    last = None
    for ri, row in enumerate(drawn):
        if row.plan_path != last:
            name = row.plan_path.replace("\\", "/").rsplit("/", 1)[-1]
            group_heads.append((y + 13, f"{name} · {row.plan_title}"))
            y += 22
            last = row.plan_path
        lines = _wrap(row.init.text, INIT_CHARS, 2)
        h = max(PAD * 2 + LINE_H * len(lines) + 15, 15 * ports_r[ri] + 12)
        r_boxes.append((y, h, lines))
        y += h + 8
    return r_boxes, group_heads, y


def _pillar_boxes(m: StrategyMap, ports_p: list[int], total_r: float) -> tuple[list[_Box], float]:
    """Pillars: stacked, spread to the initiatives' height (lines stay readable), centred; and
    where the column ends."""
    p_boxes: list[_Box] = []
    heights = []
    for pi, p in enumerate(m.pillars):
        lines = _wrap(p.text, PILLAR_CHARS, 3)
        heights.append((max(PAD * 2 + LINE_H * len(lines) + 15, 15 * ports_p[pi] + 12), lines))
    total_p = sum(h for h, _ in heights) + 12 * max(0, len(heights) - 1)
    gap = 12.0
    if len(heights) > 1 and total_r > total_p:
        gap = min(60.0, 12 + (total_r - total_p) / (len(heights) - 1))
    span = sum(h for h, _ in heights) + gap * max(0, len(heights) - 1)
    py = _TOP + max(0.0, (total_r - span) / 2)
    for h, lines in heights:
        p_boxes.append((py, h, lines))
        py += h + gap
    return p_boxes, py


def _ports(
    edges: list[_Edge], p_boxes: list[_Box], r_boxes: list[_Box]
) -> tuple[dict[int, float], dict[int, float]]:
    """Where each trace meets its pillar's and its initiative's box. Ports are spread along each
    box edge in the order of the box at the other end, so lines into one box do not cross each
    other."""
    by_p: dict[int, list[tuple[int, int]]] = {}
    by_r: dict[int, list[tuple[int, int]]] = {}
    for k, (pi, ri, _) in enumerate(edges):
        by_p.setdefault(pi, []).append((ri, k))
        by_r.setdefault(ri, []).append((pi, k))
    y_p: dict[int, float] = {}
    y_r: dict[int, float] = {}
    for pi, ks in by_p.items():
        by, bh, _ = p_boxes[pi]
        for j, (_, k) in enumerate(sorted(ks)):
            y_p[k] = by + bh * (j + 1) / (len(ks) + 1)
    for ri, ks in by_r.items():
        by, bh, _ = r_boxes[ri]
        for j, (_, k) in enumerate(sorted(ks)):
            y_r[k] = by + bh * (j + 1) / (len(ks) + 1)
    return y_p, y_r


def _traces(
    m: StrategyMap, drawn: list[Row], edges: list[_Edge], p_boxes: list[_Box], r_boxes: list[_Box]
) -> list[str]:
    """One line per trace, labelled by how it was made."""
    y_p, y_r = _ports(edges, p_boxes, r_boxes)
    out: list[str] = []
    x0, x1 = PILLAR_W, INIT_X
    for k, (pi, ri, t) in enumerate(edges):
        cls, label, _ = WAYS.get(t.way, WAYS["terms"])
        weak = "" if t.names_pillar else " weak"
        how = label if t.names_pillar else "Related words"
        y0, y1 = y_p[k], y_r[k]
        tip = (
            f"{drawn[ri].init.text} → pillar {t.pillar} ({m.pillars[pi].text}): {how}"
            f" “{t.evidence}”"
        )
        out.append(
            f'<path class="t {cls}{weak}" data-pillar="{t.pillar}" data-line="'
            f'{drawn[ri].init.line}" d="M{x0} {y0:.1f} C{x0 + 110} {y0:.1f} '
            f'{x1 - 110} {y1:.1f} {x1} {y1:.1f}"><title>{esc(clip(tip, 200))}</title>'
            "</path>"
        )
        out.append(
            f'<text class="tl tl-{cls[2:]}" x="{x1 - 6}" y="{y1 - 3:.1f}" '
            f'text-anchor="end">{esc(how)}</text>'
        )
    return out


def _pillars(m: StrategyMap, drawn: list[Row], p_boxes: list[_Box]) -> list[str]:
    """The pillars' boxes (or a box saying there are none), each with its number and state."""
    out: list[str] = []
    top = _TOP
    if not m.pillars:
        out.append(
            f'<g class="pillar none"><rect class="box" x="1" y="{top}" '
            f'width="{PILLAR_W - 2}" height="58" rx="7"/>'
            f'<text x="14" y="{top + 24}">No pillars to trace to</text>'
            f'<text class="state" x="14" y="{top + 44}">no choice items or subsections in '
            "this strategy</text></g>"
        )
    for pi, p in enumerate(m.pillars):
        by, bh, lines = p_boxes[pi]
        attn = unserved(m, p)
        state = pillar_state(m, p, drawn)
        out.append(
            f'<g class="pillar{" attn" if attn else ""}" data-pillar="{p.number}" '
            f'data-line="{p.line}">'
            f"<title>Pillar {p.number}: {esc(p.text)}</title>"
            f'<rect class="box" x="1" y="{by:.1f}" width="{PILLAR_W - 2}" '
            f'height="{bh:.1f}" rx="7"/>'
            f'<circle class="num" cx="17" cy="{by + PAD + 10:.1f}" r="10"/>'
            f'<text class="numt" x="17" y="{by + PAD + 14:.1f}" '
            f'text-anchor="middle">{p.number}</text>'
        )
        for j, line in enumerate(lines):
            out.append(f'<text x="34" y="{by + PAD + 14 + j * LINE_H:.1f}">{esc(line)}</text>')
        out.append(
            f'<text class="state" x="34" y="{by + bh - PAD + 1:.1f}">{esc(state)}</text></g>'
        )
    return out


def _initiatives(
    m: StrategyMap, drawn: list[Row], r_boxes: list[_Box], group_heads: list[tuple[float, str]]
) -> list[str]:
    """The plan documents' headings and the initiatives' boxes, each with its state."""
    out: list[str] = []
    for y_head, label in group_heads:
        out.append(
            f'<text class="group" x="{INIT_X}" y="{y_head:.1f}">{esc(clip(label, 50))}</text>'
        )
    for ri, row in enumerate(drawn):
        by, bh, lines = r_boxes[ri]
        init = row.init
        cls = " routine" if init.routine else (" attn" if row.flagged else "")
        out.append(
            f'<g class="init{cls}" data-path="{esc(row.plan_path)}" '
            f'data-line="{init.line}"><title>{esc(init.text)} ({esc(row.plan_path)}, line '
            f'{init.line})</title><rect class="box" x="{INIT_X}" y="{by:.1f}" '
            f'width="{INIT_W - 1}" height="{bh:.1f}" rx="7"/>'
        )
        for j, line in enumerate(lines):
            out.append(
                f'<text x="{INIT_X + 12}" y="{by + PAD + 12 + j * LINE_H:.1f}">{esc(line)}</text>'
            )
        out.append(
            f'<text class="state" x="{INIT_X + 12}" y="{by + bh - PAD + 1:.1f}">'
            f"{esc(init_state(m, row))}</text></g>"
        )
    return out


def _alt(
    m: StrategyMap, pillars_attn: list[PillarSummary], rows_attn: list[Row], n_edges: int
) -> str:
    parts = [
        f"{plural(len(m.pillars), 'strategy pillar')} on the left, "
        f"{plural(len(m.rows), 'plan initiative')} on the right, "
        f"{plural(n_edges, 'trace')} between them."
    ]
    if pillars_attn:
        parts.append(
            "Pillars no plan item serves: "
            + "; ".join(f"{p.number}. {clip(p.text, 60)}" for p in pillars_attn)
            + "."
        )
    if rows_attn:
        parts.append(
            "Initiatives that serve no pillar: "
            + "; ".join(clip(r.init.text, 60) for r in rows_attn)
            + "."
        )
    return " ".join(parts)
