"""Resolved settings: what the engine needs from configuration and the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stratlint.model import Severity


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()  # IDs; empty = every rule
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # rule ID → options
    sections: dict[str, list[str]] = field(default_factory=dict)  # kind → extra heading words
    lexicon: dict[str, list[str]] = field(default_factory=dict)  # lexicon → extra terms
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: Severity = Severity.WARNING
    root: Path | None = None  # project root: links never resolve outside it
    config_path: Path | None = None
    report_unused_disables: bool = False  # report suppression comments that suppress nothing
    link_roots: tuple[str, ...] = ()  # folders that site-absolute links (/handbook/…) start from

    def enabled(self, rule_id: str) -> bool:
        if self.select and rule_id not in self.select:
            return False
        return rule_id not in self.ignore

    def key(self) -> str:
        """A stable text of everything that changes findings (for the result cache)."""
        import json

        return json.dumps(
            {
                "select": self.select,
                "ignore": self.ignore,
                "severity": {k: v.value for k, v in sorted(self.severity.items())},
                "options": self.options,
                "sections": self.sections,
                "lexicon": self.lexicon,
                "per_file_ignores": self.per_file_ignores,
                "report_unused_disables": self.report_unused_disables,
                "link_roots": self.link_roots,
            },
            sort_keys=True,
            default=str,
        )
