"""What linting one document gave, and what it depended on: the unit the result cache keeps and
worker processes send back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from stratlint.model import Finding, InputError

if TYPE_CHECKING:
    from stratlint.report.summary import DocumentSummary


@dataclass
class Outcome:
    """What linting one document gave, and what it depended on (for the result cache)."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    deps: dict[str, str] = field(default_factory=dict)  # path → fingerprint when linted
    mentions: dict[str, str] = field(default_factory=dict)  # real → digest of its linkers
    summary: DocumentSummary | None = None  # how it was read, when the report draws it
