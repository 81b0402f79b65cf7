"""Text output in ruff's manner: location, rule and message; the source line with a caret
under the finding; the suggestion. Colour only when asked (the CLI asks on a terminal)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from stratlint.model import Finding, Result
from stratlint.read.pathnames import clean, display
from stratlint.report._counts import summary_counts

_COLOURS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
_BOLD, _DIM, _RESET, _CYAN = "\x1b[1m", "\x1b[2m", "\x1b[0m", "\x1b[36m"


def render(
    result: Result,
    sources: dict[str, str] | None = None,
    color: bool = False,
    statistics: bool = False,
    quiet: bool = False,
    **_: Any,
) -> str:
    def c(code: str, s: str) -> str:
        return f"{code}{s}{_RESET}" if color else s

    out: list[str] = []
    sources = sources or {}
    lines_cache: dict[str, list[str]] = {}
    for f in result.findings:
        sev = c(_COLOURS[f.severity.value], f.severity.value)
        out.append(
            f"{c(_BOLD, display(f.path))}:{f.line}:{f.column}: {c(_BOLD, f.rule)} [{sev}] "
            f"{clean(f.message)}"
        )
        if quiet:
            continue
        text = sources.get(f.path)
        if text is not None:
            lines = lines_cache.setdefault(f.path, text.splitlines())
            out.extend(_snippet(f, lines, c))
        out.append(f"  {c(_CYAN, '= help:')} {clean(f.suggestion)}")
        out.append("")
    for e in result.errors:
        where = f"{display(e.path)}:{e.line}" if e.line else display(e.path)
        out.append(f"{c(_BOLD, where)}: {c(_COLOURS['error'], 'error')}: {clean(e.message)}")
    if statistics and result.findings:
        by_rule = Counter((f.rule, f.name) for f in result.findings)
        if out and out[-1] != "":
            out.append("")
        for (rule, name), n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"{n:5d}  {rule}  {name}")
    if result.findings and out and out[-1] != "":
        out.append("")  # every finding is counted in the closing line
    out.extend(_totals(result, quiet))
    return "\n".join(out) + ("\n" if out else "")


def _snippet(f: Finding, lines: list[str], c: Callable[[str, str], str]) -> list[str]:
    """The finding's source line with a caret under its span (nothing when the line is gone)."""
    if not 0 < f.line <= len(lines):
        return []
    src = lines[f.line - 1].expandtabs(1)
    width = len(str(f.line))
    gutter = " " * width
    start = max(f.column - 1, 0)
    end = f.end_column - 1 if f.end_line == f.line else len(src)
    span = max(1, min(end, len(src)) - start)
    return [
        c(_DIM, f"{gutter} |"),
        c(_DIM, f"{f.line} | ") + src[:300],
        c(_DIM, f"{gutter} | ") + " " * start + c(_COLOURS[f.severity.value], "^" * min(span, 300)),
    ]


def _totals(result: Result, quiet: bool) -> list[str]:
    """The closing line: how many problems of each severity in how many files."""
    counts = summary_counts(result)
    total = sum(counts.values())
    if total:
        parts = [
            f"{counts[k]} {k}{'s' if counts[k] != 1 and k != 'info' else ''}"
            for k in ("error", "warning", "info")
            if counts[k]
        ]
        noun = "problem" if total == 1 else "problems"
        return [
            f"Found {total} {noun} ({', '.join(parts)}) in {result.files} "
            f"file{'s' if result.files != 1 else ''}."
        ]
    if not result.errors and not quiet:
        return [f"All checks passed ({result.files} file{'s' if result.files != 1 else ''})."]
    return []
