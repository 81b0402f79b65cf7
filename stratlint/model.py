"""The records that flow through the pipeline: parse → classify → rules → report.

Every position is 1-based (line, column) into the original text, front matter, CRLF and tabs
included. Records are frozen: a stage adds information by building new records, never by mutating.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stratlint.report.summary import DocumentSummary


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Kind(str, Enum):
    """What a section is: the SPEC's section kinds."""

    STRATEGY = "strategy"
    PLAN = "plan"
    GOALS = "goals"
    MIXED = "mixed"
    OTHER = "other"


class Cls(str, Enum):
    """What a statement does: the SPEC's statement classes."""

    GOAL = "GOAL"
    CHOICE = "CHOICE"
    ACTION = "ACTION"
    CONTEXT = "CONTEXT"


@dataclass(frozen=True)
class Link:
    text: str
    target: str
    line: int
    column: int


@dataclass(frozen=True)
class Field:
    """A `Label: value` attribute (Owner, Due, KPI, Supports…)."""

    label: str  # normalised, lower case: "owner", "due", "kpi"…
    value: str
    line: int


@dataclass(frozen=True)
class Statement:
    """A sentence, list item, table row or heading, with its plain text.

    `offsets[i]` is the 0-based offset into the source text of `text[i]`; `Document.position`
    turns it into a line and column.
    """

    index: int
    section: int  # index of the owning section in Document.sections
    form: str  # "sentence" | "item" | "row" | "heading"
    text: str
    offsets: tuple[int, ...]
    line: int
    column: int
    end_line: int
    end_column: int
    parent: int | None = None  # parent statement (list item) index
    depth: int = 0  # list nesting depth (0 = top-level item or not in a list)
    cells: tuple[tuple[str, str], ...] = ()  # table rows: (header, cell text)
    fields: tuple[Field, ...] = ()  # fields written inside or under this statement
    links: tuple[Link, ...] = ()
    quoted: bool = False  # inside a blockquote: someone else's words
    checkbox: bool = False
    is_field: bool = False  # the statement is itself a field line ("Owner: Kelsey")


@dataclass(frozen=True)
class Section:
    index: int
    title: str  # heading text, plain ("" for the preamble before any heading)
    level: int  # 0 for the preamble
    line: int  # heading line (1 for the preamble)
    end_line: int
    parent: int | None
    children: tuple[int, ...] = ()
    statements: tuple[int, ...] = ()  # own content, in order (heading statement excluded)
    heading: int | None = None  # index of the heading statement
    fields: tuple[Field, ...] = ()  # field lines directly under the heading
    anchor: str = ""  # GitHub-style slug


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    front_matter: dict[str, Any]
    front_matter_lines: dict[str, int]  # key → line of the key in the file
    sections: tuple[Section, ...]
    statements: tuple[Statement, ...]
    links: tuple[Link, ...]
    comments: tuple[tuple[int, str], ...]  # (line, comment body) of HTML comments
    line_starts: tuple[int, ...]
    problems: tuple[tuple[int, str], ...] = ()  # (line, message): input problems worth reporting
    title: int | None = None  # index of the title section (single H1), if any

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based offset into the text."""
        from bisect import bisect_right

        i = bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    severity: Severity
    message: str
    suggestion: str
    section: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
            "section": self.section,
        }


@dataclass(frozen=True)
class InputError:
    path: str
    message: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"path": self.path, "message": self.message}
        if self.line is not None:
            d["line"] = self.line
        return d


@dataclass
class Result:
    """What linting a set of inputs produced."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    files: int = 0
    summaries: list[DocumentSummary] = field(default_factory=list)  # when a report asked, by path
