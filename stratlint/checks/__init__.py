"""Rule checks: one function per rule ID, registered by the `check` decorator.

A check receives a `Context` (the analysed document, the rule's options and a link resolver) and
yields `Hit`s. The engine turns hits into findings with the rule's name and severity from the
catalog; a check never parses, prints or reads files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from stratlint.understand.analysis import Analysis
from stratlint.links import Resolver
from stratlint.model import Statement


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
        text = self.analysis.doc.line_text(line) if line <= len(self.analysis.doc.line_starts) else ""
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


def all_checks() -> dict[str, CheckFn]:
    from stratlint.checks import alignment, plan, sections, strategy  # noqa: F401

    return REGISTRY


def iter_ids() -> Iterator[str]:
    yield from sorted(all_checks())
