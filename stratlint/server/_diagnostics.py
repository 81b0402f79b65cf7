"""Findings → LSP diagnostics, and the rule documentation a hover shows.

Positions: stratlint counts 1-based lines (split at `\\n`) and 1-based columns in characters,
end exclusive; LSP counts 0-based lines and columns in the client's position encoding (UTF-16
unless the client offers another). A CR before the line break is never inside a range.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types as lsp

from stratlint import catalog
from stratlint._version import __version__
from stratlint.model import Finding, InputError, Severity

SOURCE = "stratlint"

SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


@dataclass(frozen=True)
class Published:
    """One diagnostic as sent, with the finding it came from (None: a problem of the input,
    such as an unknown rule in a suppression comment)."""

    diagnostic: lsp.Diagnostic
    finding: Finding | None


def units(text: str, encoding: str) -> int:
    """Length of `text` in the client's code units."""
    if encoding == lsp.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == lsp.PositionEncodingKind.Utf32:
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def characters(text: str, count: int, encoding: str) -> int:
    """How many characters of `text` make `count` code units (the inverse of `units`)."""
    if encoding == lsp.PositionEncodingKind.Utf32:
        return min(count, len(text))
    n = 0
    for i, ch in enumerate(text):
        n += units(ch, encoding)
        if n > count:
            return i
    return len(text)


def position(lines: Sequence[str], line: int, column: int, encoding: str) -> lsp.Position:
    """1-based (line, column in characters) → LSP position, clamped to the text."""
    if not lines:
        return lsp.Position(0, 0)
    i = min(max(line, 1), len(lines)) - 1
    text = lines[i].rstrip("\r")
    col = len(text) if line > len(lines) else min(max(column - 1, 0), len(text))
    return lsp.Position(i, units(text[:col], encoding))


def to_range(lines: Sequence[str], f: Finding | InputError, encoding: str) -> lsp.Range:
    if isinstance(f, Finding):
        start = position(lines, f.line, f.column, encoding)
        end = position(lines, f.end_line, f.end_column, encoding)
        if (end.line, end.character) < (start.line, start.character):
            end = start
        return lsp.Range(start, end)
    line = f.line or 1
    text = lines[min(line, len(lines)) - 1].rstrip("\r") if lines else ""
    indent = len(text) - len(text.lstrip())
    return lsp.Range(
        position(lines, line, indent + 1, encoding), position(lines, line, len(text) + 1, encoding)
    )


def diagnostics(
    findings: Sequence[Finding],
    errors: Sequence[InputError],
    text: str,
    encoding: str,
    docs: RuleDocs,
) -> list[Published]:
    lines = text.split("\n")
    out: list[Published] = []
    for f in findings:
        href = docs.url(f.rule)
        out.append(
            Published(
                lsp.Diagnostic(
                    range=to_range(lines, f, encoding),
                    message=f"{f.message}\nFix: {f.suggestion}" if f.suggestion else f.message,
                    severity=SEVERITY[f.severity],
                    code=f.rule,
                    code_description=lsp.CodeDescription(href=href) if href else None,
                    source=SOURCE,
                    data={"rule": f.rule, "name": f.name, "line": f.line},
                ),
                f,
            )
        )
    for e in errors:
        out.append(
            Published(
                lsp.Diagnostic(
                    range=to_range(lines, e, encoding),
                    message=e.message,
                    severity=lsp.DiagnosticSeverity.Error,
                    source=SOURCE,
                ),
                None,
            )
        )
    return out


# -- rule documentation ------------------------------------------------------------------------


def rule_markdown(rule_id: str) -> str:
    """A rule's documentation as Markdown: what it flags, why, how to fix, examples. The same
    catalog entry `stratlint rule ID` prints."""
    r = catalog.rules()[rule_id]
    out = [
        f"### {r.id} {r.name} ({r.severity.value})",
        "",
        r.summary,
        "",
        f"**Why.** {r.rationale}",
        "",
        f"**Fix.** {r.fix}",
    ]
    if r.options:
        out += ["", "**Options.** " + ", ".join(f"`{k}` (default {v})" for k, v in r.options)]
    for title, examples in (("Flagged", r.bad), ("Not flagged", r.good)):
        if examples:
            out += ["", f"**{title}:**", "", "```markdown", examples[0].rstrip(), "```"]
    return "\n".join(out) + "\n"


class RuleDocs:
    """Where a diagnostic's `codeDescription` points.

    A URL template from the client (`docsUrl` in the initialization options, with `{rule}` and
    `{rule_lower}`), else a Markdown page per rule written once per stratlint version to the
    platform cache folder, so the link opens offline and always matches the installed rules.
    """

    def __init__(self, template: str | None = None, folder: Path | None = None) -> None:
        self.template = template
        self.folder = folder
        self._urls: dict[str, str | None] = {}

    def url(self, rule_id: str) -> str | None:
        if rule_id not in self._urls:
            self._urls[rule_id] = self._url(rule_id)
        return self._urls[rule_id]

    def _url(self, rule_id: str) -> str | None:
        if self.template:
            return self.template.replace("{rule}", rule_id).replace("{rule_lower}", rule_id.lower())
        folder = self.folder
        if folder is None:
            from stratlint.run.cache import platform_cache_dir

            folder = platform_cache_dir() / "rules" / __version__
        page = folder / f"{rule_id}.md"
        text = rule_markdown(rule_id)
        try:
            if not page.is_file() or page.read_text(encoding="utf-8") != text:
                folder.mkdir(parents=True, exist_ok=True)
                tmp = page.with_name(page.name + ".tmp")
                tmp.write_text(text, encoding="utf-8")
                tmp.replace(page)
        except OSError:
            return None
        return page.resolve().as_uri()


def hover_markdown(hits: Sequence[Published]) -> str:
    """What a hover over diagnostics shows: each finding, then its rule's documentation."""
    parts: list[str] = []
    seen: set[str] = set()
    for p in hits:
        f = p.finding
        if f is None:
            parts.append(f"**stratlint:** {p.diagnostic.message}")
            continue
        parts.append(
            f"**{f.rule} {f.name}** ({f.severity.value}): {f.message}"
            + (f"\n\n**Fix:** {f.suggestion}" if f.suggestion else "")
        )
        if f.rule not in seen:
            seen.add(f.rule)
            parts.append(rule_markdown(f.rule))
    return "\n\n---\n\n".join(parts)


def contains(r: lsp.Range, p: lsp.Position) -> bool:
    return (
        (r.start.line, r.start.character) <= (p.line, p.character) <= (r.end.line, r.end.character)
    )


def overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    return (a.start.line, a.start.character) <= (b.end.line, b.end.character) and (
        b.start.line,
        b.start.character,
    ) <= (a.end.line, a.end.character)


def hover_at(published: Sequence[Published], at: lsp.Position) -> lsp.Hover | None:
    """The hover over the diagnostics under the cursor, or None."""
    hits = [p for p in published if contains(p.diagnostic.range, at)]
    if not hits:
        return None
    return lsp.Hover(
        contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=hover_markdown(hits)),
        range=hits[0].diagnostic.range,
    )
