"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from typing import Any

from stratlint.model import Result

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(result: Result, sources: dict[str, str] | None = None, **_: Any) -> str:
    out = []
    for f in result.findings:
        props = (f"file={_escape_prop(f.path)},line={f.line},col={f.column},"
                 f"endLine={f.end_line},endColumn={f.end_column},"
                 f"title={_escape_prop(f'{f.rule} {f.name}')}")
        out.append(f"::{_LEVEL[f.severity.value]} {props}::"
                   f"{_escape_data(f.message + ' ' + f.suggestion)}")
    for e in result.errors:
        props = f"file={_escape_prop(e.path)}" + (f",line={e.line}" if e.line else "")
        out.append(f"::error {props},title=stratlint input error::{_escape_data(e.message)}")
    return "\n".join(out) + ("\n" if out else "")
