"""The registry every check module uses: the `check` decorator, the `Context` a check reads and
the `Hit` it yields. Apart from `stratlint.checks` so the rule modules import it without importing
the package that imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from stratlint.model import Statement
from stratlint.understand.analysis import Analysis
from stratlint.understand.links import Resolver


@dataclass(frozen=True)
class Hit:
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    suggestion: str
    section: str = ""


@dataclass
class Context:
    analysis: Analysis
    resolver: Resolver
    options: dict[str, Any] = field(default_factory=dict)

    def at_statement(self, st: Statement, message: str, suggestion: str, section: str = "") -> Hit:
        return Hit(st.line, st.column, st.end_line, st.end_column, message, suggestion, section)

    def at_line(self, line: int, message: str, suggestion: str, section: str = "") -> Hit:
        text = (
            self.analysis.doc.line_text(line) if line <= len(self.analysis.doc.line_starts) else ""
        )
        col = len(text) - len(text.lstrip()) + 1
        return Hit(line, col, line, max(len(text) + 1, col), message, suggestion, section)


CheckFn = Callable[[Context], Iterable[Hit]]
REGISTRY: dict[str, CheckFn] = {}


def check(rule_id: str) -> Callable[[CheckFn], CheckFn]:
    def register(fn: CheckFn) -> CheckFn:
        REGISTRY[rule_id] = fn
        return fn

    return register


def quote(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"“{text}”"
