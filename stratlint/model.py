"""The records that flow through the pipeline: parse → classify → rules → report.

Every position is 1-based (line, column) into the original text, front matter, CRLF and tabs
included. Records are frozen: a stage adds information by building new records, never by mutating.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from stratlint.offsets import Offsets


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


@dataclass(frozen=True, slots=True)
class Link:
    text: str
    target: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Field:
    """A `Label: value` attribute (Owner, Due, KPI, Supports…)."""

    label: str  # normalised, lower case: "owner", "due", "kpi"…
    value: str
    line: int


@dataclass(frozen=True, slots=True)  # no __dict__: a 10 MB file has 150,000 statements
class Statement:
    """A sentence, list item, table row or heading, with its plain text.

    `offsets[i]` is the 0-based offset into the source text of `text[i]` (kept as runs, see
    `stratlint.offsets`); `Document.position` turns it into a line and column.
    """

    index: int
    section: int  # index of the owning section in Document.sections
    form: str  # "sentence" | "item" | "row" | "heading"
    text: str
    offsets: Offsets
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
    continues: int | None = None  # a table row with an empty first cell: the row it continues

    @property
    def is_navigation(self) -> bool:
        """Only a link, as in a table of contents ("- [Grow the partner channel](#grow-…)"): it
        points at a statement made elsewhere and makes none itself."""
        if not self.links:
            return False
        rest = self.text
        for link in self.links:
            rest = rest.replace(link.text, "", 1)
        return not any(c.isalnum() for c in rest)


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
    # Lines that are a paragraph of bold text alone ("**Targets**"): labels, headings in all but
    # markup.
    label_lines: frozenset[int] = frozenset()

    @property
    def name(self) -> str:
        """What the page is called where no heading names it: its front matter `title:`, else its
        path."""
        title = self.front_matter.get("title") if self.front_matter else None
        return title.strip() if isinstance(title, str) and title.strip() else self.path

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


# -- summaries: how a run read each document, for reports that draw it (report/summary.py builds
# them, only when a format asks; they never change the findings) -----------------------------


@dataclass(frozen=True)
class SectionSummary:
    title: str  # "" for the text before the first heading
    level: int  # 0 for the text before the first heading
    line: int
    end_line: int
    kind: Kind  # its kind: heading words, inherited, or front matter; MIXED where D401 holds
    scope: Kind | None  # the kind of the strategy, plan or goals scope it is judged in, if any
    reads_as: Kind | None  # D402: what its content is, where that is not what its label says
    goals: int = 0  # classified statements of its own content
    choices: int = 0
    actions: int = 0
    mixed: bool = False  # D401: it holds both strategy and plan, or its heading joins them
    label: Kind | None = None  # the kind its heading words name, if any


@dataclass(frozen=True)
class StrategyRef:
    """A strategy scope, where it lives (the path as the run shows it, the scope's line), with
    its pillars' texts in number order (for a strategy that is not itself in the run)."""

    path: str
    line: int
    title: str
    pillars: tuple[str, ...] = ()


@dataclass(frozen=True)
class PillarSummary:
    number: int  # as `Supports: Pillar N` counts them
    text: str
    line: int
    served: bool  # A301's verdict: some plan initiative names it or traces to it explicitly


@dataclass(frozen=True)
class StrategySummary:
    title: str
    line: int
    pillars: tuple[PillarSummary, ...]
    has_plan: bool  # a plan here or linking here is compared with it (A301 judges it)
    plans: tuple[str, ...] = ()  # paths of the documents whose plans are compared with it


@dataclass(frozen=True)
class Trace:
    """One initiative → pillar trace."""

    strategy: StrategyRef
    pillar: int  # the pillar's number in that strategy
    way: str  # "supports" | "column" | "anchor" | "terms"
    evidence: str  # the Supports value, the cell, the link target, or the shared key terms
    names_pillar: bool  # counts for A301: it names the pillar, not only words of its text


@dataclass(frozen=True)
class InitiativeSummary:
    text: str
    line: int
    routine: bool  # `Supports: BAU`
    serves: bool | None  # A302's verdict: it serves some pillar, or is routine; None where its
    # plan is compared with no pillar at all (A302 does not judge it)
    traces: tuple[Trace, ...]


@dataclass(frozen=True)
class PlanSummary:
    title: str
    line: int
    strategies: tuple[StrategyRef, ...]  # what its initiatives are compared with (A302)
    initiatives: tuple[InitiativeSummary, ...]


@dataclass(frozen=True)
class LinkSummary:
    """A strategy link of a plan document: front matter `strategy:` or a link naming one."""

    target: str
    line: int
    status: str  # a links.LinkStatus value: "strategy", "missing file", "missing anchor"…


@dataclass(frozen=True)
class DocumentSummary:
    path: str
    title: str
    sections: tuple[SectionSummary, ...]
    strategies: tuple[StrategySummary, ...]
    plans: tuple[PlanSummary, ...]
    strategy_links: tuple[LinkSummary, ...] = ()


@dataclass
class Result:
    """What linting a set of inputs produced."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    files: int = 0
    summaries: list[DocumentSummary] = field(default_factory=list)  # when a report asked, by path
