"""GitHub Actions workflow commands: one annotation per finding, one per input error.

    ::error file=docs/plan.md,line=12,col=1,endLine=12,endColumn=36,title=S101 goal-as-strategy::…

Levels: error → error, warning → warning, info → notice. Property values escape `%`, CR, LF, `:`
and `,`; the message escapes `%`, CR and LF, as the Actions toolkit does. Columns are 1-based,
`endColumn` is the column after the last character (as in SARIF). A file name is shown as
`pathnames.display` shows it, then escaped.
"""

from __future__ import annotations

import os
from typing import Any

from stratlint.model import Result
from stratlint.read.pathnames import clean, display

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return clean(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _path(p: str) -> str:
    if os.sep != "/":
        p = p.replace(os.sep, "/")
    return display(p[2:] if p.startswith("./") else p)


def render(result: Result, sources: dict[str, str] | None = None, **_: Any) -> str:
    out = []
    for f in result.findings:
        props = (
            f"file={_escape_prop(_path(f.path))},line={f.line},col={f.column},"
            f"endLine={max(f.end_line, f.line)},endColumn={f.end_column},"
            f"title={_escape_prop(f'{f.rule} {f.name}')}"
        )
        message = f"{f.message} {f.suggestion}".strip()
        out.append(f"::{_LEVEL[f.severity.value]} {props}::{_escape_data(message)}")
    for e in result.errors:
        props = f"file={_escape_prop(_path(e.path))}" + (f",line={e.line}" if e.line else "")
        out.append(f"::error {props},title=stratlint input error::{_escape_data(e.message)}")
    return "\n".join(out) + ("\n" if out else "")
