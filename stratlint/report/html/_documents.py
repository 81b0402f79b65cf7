"""One article per document: its sections as a band coloured by kind, the outline, and the
findings by severity with the source line quoted."""

from __future__ import annotations

from stratlint.model import Finding
from stratlint.read.pathnames import display
from stratlint.report.html._common import (
    KIND_HELP,
    SEVERITIES,
    Page,
    clip,
    esc,
    plural,
    severity_badges,
)
from stratlint.report.summary import DocumentSummary, SectionSummary

SOURCE_WIDTH = 220  # characters of a source line quoted around a finding


def render_document(page: Page, path: str) -> str:
    did = page.ids[path]
    s = page.summaries.get(path)
    title = s.title if s is not None and s.title != path else ""
    out = [
        f'<article class="doc" id="{did}" aria-labelledby="{did}-h" '
        f'data-path="{esc(display(path))}"><header>',
        f'<h3 id="{did}-h">{esc(display(path))}</h3>',
    ]
    if title:
        out.append(f'<span class="t">{esc(title)}</span>')
    out.append(f'<span class="badges">{severity_badges(page.counts(path))}</span></header>')
    if s is not None and s.sections:
        out.append(_band(s))
    out.append('<div class="doc-grid"><section aria-label="Outline"><h4>Outline</h4>')
    out.append(
        _outline(page, s)
        if s is not None
        else '<p class="muted">No outline: the document was not analysed.</p>'
    )
    out.append('</section><section aria-label="Findings"><h4>Findings</h4>')
    out.append(_findings(page, path))
    out.append("</section></div></article>")
    return "\n".join(out)


def _spans(s: DocumentSummary) -> list[tuple[SectionSummary, int]]:
    """Each section with the number of lines of its own content (up to the next heading)."""
    secs = sorted(s.sections, key=lambda x: x.line)
    out = []
    for i, sec in enumerate(secs):
        end = secs[i + 1].line - 1 if i + 1 < len(secs) else max(sec.end_line, sec.line)
        out.append((sec, max(1, end - sec.line + 1)))
    return out


def _band(s: DocumentSummary) -> str:
    spans = _spans(s)
    total = sum(n for _, n in spans) or 1
    share: dict[str, int] = {}
    for sec, n in spans:
        share[sec.kind.value] = share.get(sec.kind.value, 0) + n
    label = "Sections by kind, in document order: " + ", ".join(
        f"{k} {round(100 * n / total)}%" for k, n in share.items()
    )
    parts = [
        f'<span class="k-{sec.kind.value}" style="flex-grow:{n}" title="'
        f"{esc(clip(sec.title or '(before the first heading)', 60))}: {sec.kind.value}, "
        f'lines {sec.line}–{sec.line + n - 1}"></span>'
        for sec, n in spans
    ]
    return f'<div class="band" role="img" aria-label="{esc(label)}">' + "".join(parts) + "</div>"


def _outline(page: Page, s: DocumentSummary) -> str:
    did = page.ids[s.path]
    out = ['<ol class="outline">']
    for sec in sorted(s.sections, key=lambda x: x.line):
        kind = sec.kind.value
        notes = []
        if sec.reads_as is not None:
            notes.append(f'<span class="note">reads as {esc(sec.reads_as.value)} (D402)</span>')
        if sec.mixed:
            notes.append('<span class="note">strategy and plan mixed (D401)</span>')
        elif sec.scope is None and sec.reads_as is None:
            named = sec.label.value if sec.label is not None else kind
            if named in ("strategy", "plan", "goals"):
                notes.append(
                    f'<span class="nj" title="Its heading names a {named}, but its content does '
                    f'not read as one, so no {named} rule judges it.">headed {named}, '
                    "not judged</span>"
                )
        counts = [
            plural(n, w)
            for n, w in ((sec.choices, "choice"), (sec.actions, "action"), (sec.goals, "goal"))
            if n
        ]
        detail = f' <span class="nj">{esc(", ".join(counts))}</span>' if counts else ""
        name = (
            esc(clip(sec.title, 80))
            if sec.title
            else '<span class="muted">(before the first heading)</span>'
        )
        out.append(
            f'<li class="k-{kind} lvl-{min(max(sec.level, 1), 6)}" id="{did}-L{sec.line}"'
            f' title="{esc(KIND_HELP.get(kind, kind))}"><span class="kd">{kind}</span>'
            f"<span>{name}{detail} {' '.join(notes)}</span>"
            f'<span class="ln">line {sec.line}</span></li>'
        )
    out.append("</ol>")
    return "\n".join(out)


def _findings(page: Page, path: str) -> str:
    findings = page.findings.get(path, [])
    did = page.ids[path]
    out = []
    problems = page.errors.get(path, [])
    if problems:
        out.append(
            '<ul class="errors">'
            + "".join(
                f'<li><span class="sev sev-error">input</span> '
                f"{'line ' + str(e.line) + ': ' if e.line else ''}{esc(e.message)}</li>"
                for e in problems
            )
            + "</ul>"
        )
    if not findings:
        out.append('<p class="clean">No findings.</p>')
        return "\n".join(out)
    lines = (page.sources.get(path) or "").splitlines()
    n = 0
    for sev in SEVERITIES:
        group = [f for f in findings if f.severity.value == sev]
        if not group:
            continue
        heading = {"error": "Errors", "warning": "Warnings", "info": "Info"}[sev]
        out.append(f'<h5 class="sev sev-{sev}">{heading} ({len(group)})</h5><ol class="findings">')
        for f in group:
            n += 1
            out.append(_finding(f, f"{did}-f{n}", lines))
        out.append("</ol>")
    return "\n".join(out)


def _finding(f: Finding, anchor: str, lines: list[str]) -> str:
    sev = f.severity.value
    out = [
        f'<li class="finding sev-{sev}" id="{anchor}" data-rule="{esc(f.rule)}" '
        f'data-line="{f.line}"><div class="fh">'
        f'<span class="rule">{esc(f.rule)}</span><span class="muted">{esc(f.name)}</span>'
        f'<span class="loc">line {f.line}, column {f.column}</span></div>',
        f"<p>{esc(f.message)}</p>",
    ]
    if 0 < f.line <= len(lines):
        out.append(_quote(lines[f.line - 1], f))
    if f.suggestion:
        out.append(f'<p class="fix">{esc(f.suggestion)}</p>')
    out.append("</li>")
    return "".join(out)


def _quote(text: str, f: Finding) -> str:
    """The finding's source line, its span marked; a long line is cut around the span."""
    start = max(0, min(f.column - 1, len(text)))
    end = f.end_column - 1 if f.end_line == f.line else len(text)
    end = max(start, min(end, len(text)))
    lo = 0
    if len(text) > SOURCE_WIDTH:
        lo = max(0, min(start - 40, len(text) - SOURCE_WIDTH))
    hi = min(len(text), lo + SOURCE_WIDTH)
    before, mid, after = text[lo:start], text[start : min(end, hi)], text[min(end, hi) : hi]
    lead = "…" if lo else ""
    tail = "…" if hi < len(text) else ""
    body = (
        f"{lead}{esc(before)}<mark>{esc(mid)}</mark>{esc(after)}{tail}"
        if mid
        else f"{lead}{esc(text[lo:hi])}{tail}"
    )
    return f'<pre class="src"><span class="ln">{f.line}</span>{body}</pre>'
