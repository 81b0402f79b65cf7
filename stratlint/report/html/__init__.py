"""`--format html`: one self-contained page for a sales leader — the run in numbers, a map of
each strategy's pillars and the plan initiatives that trace to them, the plans with no strategy,
and every document's sections (by kind) and findings (with the source line quoted).

Inline CSS and SVG only: no script, font, image or style is loaded from anywhere, so the file
can be mailed, attached to a CI run or opened offline. Readable in light and dark mode and in
print; every part has a heading, the maps have text alternatives and a table view.

The page reads the findings and the `DocumentSummary` records the engine made for it
(`Result.summaries`); it decides nothing.
"""

from __future__ import annotations

from typing import Any

from stratlint._version import __version__
from stratlint.model import Result
from stratlint.report._counts import summary_counts
from stratlint.report.html._alignment import StrategyMap
from stratlint.report.html._common import KIND_HELP, KINDS, Page, esc, plural
from stratlint.report.html._documents import render_document
from stratlint.report.html._map import collect, legend, render_apart, render_map
from stratlint.report.html._overview import rules_table, tiles, worst_table
from stratlint.report.html._style import CSS


def render(result: Result, sources: dict[str, str] | None = None, **_: Any) -> str:
    page = Page.of(result, sources or {})
    maps, apart = collect(page)
    counts = summary_counts(result)
    total = sum(counts.values())
    title = f"stratlint report: {plural(len(page.paths), 'document')}, {plural(total, 'finding')}"
    out = _head(title, bool(result.errors))
    out += [
        "</nav></header>",
        '<main id="main">',
        '<section id="summary" aria-labelledby="summary-h">',
        '<h2 id="summary-h">Summary</h2>',
        tiles(page),
        '<h3 class="sub">Findings by rule</h3>',
        rules_table(page),
        '<h3 class="sub">Documents needing the most work</h3>',
        worst_table(page),
        "</section>",
    ]
    out += _alignment(page, maps)
    out += [
        '<section id="apart" aria-labelledby="apart-h">',
        '<h2 id="apart-h">Plans with no strategy</h2>',
        '<p class="lede">Plans whose initiatives cannot be traced to any strategy: no strategy '
        "in the document and no link to one (P201), or a strategy link that points nowhere "
        "(P207).</p>",
        render_apart(page, apart),
        "</section>",
    ]
    out += _documents(page)
    out += _errors(page, result)
    out += [
        "</main>",
        f"<footer><p>Made by stratlint {esc(__version__)}. Run "
        "<code>stratlint rule ID</code> for what a rule checks and how to fix it.</p>"
        "</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def _head(title: str, errors: bool) -> list[str]:
    """The page's head, its title bar and the table of contents (left open: the caller closes)."""
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f"<title>{esc(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        '<a class="skip" href="#main">Skip to the report</a>',
        '<header class="top"><h1>Strategy and plan review</h1>',
        f"<p>{esc(title)} · stratlint {esc(__version__)}</p>",
        '<nav class="toc" aria-label="Sections of the report">',
        '<a href="#summary">Summary</a><a href="#alignment">Alignment maps</a>',
        '<a href="#apart">Plans with no strategy</a><a href="#documents">Documents</a>',
    ]
    if errors:
        out.append('<a href="#errors">Not linted</a>')
    return out


def _alignment(page: Page, maps: list[StrategyMap]) -> list[str]:
    """The alignment maps: each strategy beside the plan initiatives compared with it."""
    out = [
        '<section id="alignment" aria-labelledby="alignment-h">',
        '<h2 id="alignment-h">Alignment maps</h2>',
        '<p class="lede">Each strategy with its pillars on the left and, on the right, the '
        "plan initiatives compared with it (plans in the same document and plans that link "
        "to it). A line is a trace from an initiative to a pillar, labelled by how it was "
        "made. A pillar with no line is a strategy without a plan; an initiative with no "
        "line is work that serves no strategy.</p>",
        legend(),
    ]
    if maps:
        out += [render_map(page, m, n) for n, m in enumerate(maps, 1)]
    else:
        out.append('<p class="muted">No strategy in this run, and no plan links to one.</p>')
    out.append("</section>")
    return out


def _documents(page: Page) -> list[str]:
    """Every document in path order."""
    out = [
        '<section id="documents" aria-labelledby="documents-h">',
        '<h2 id="documents-h">Documents</h2>',
        '<p class="lede">Every document in path order: its sections as a band coloured by '
        "kind, its outline, and its findings by severity.</p>",
        _kinds_legend(),
    ]
    out += [render_document(page, p) for p in page.paths]
    if not page.paths:
        out.append('<p class="muted">No Markdown documents were linted in this run.</p>')
    out.append("</section>")
    return out


def _errors(page: Page, result: Result) -> list[str]:
    """The files not linted, or linted with input problems (nothing when there are none)."""
    if not result.errors:
        return []
    out = [
        '<section id="errors" aria-labelledby="errors-h">',
        '<h2 id="errors-h">Not linted, or with input problems</h2><ul class="errors">',
    ]
    out += [
        f"<li>{page.doc_link(e.path)}{':' + str(e.line) if e.line else ''}: {esc(e.message)}</li>"
        for e in result.errors
    ]
    out.append("</ul></section>")
    return out


def _kinds_legend() -> str:
    items = "".join(f'<li><span class="sw k-{k}"></span>{esc(KIND_HELP[k])}</li>' for k in KINDS)
    return f'<ul class="legend" aria-label="Section kinds">{items}</ul>'
