"""Counts every format prints: findings per severity."""

from __future__ import annotations

from stratlint.model import Result


def summary_counts(result: Result) -> dict[str, int]:
    """Findings per severity: {"error": n, "warning": n, "info": n}."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in result.findings:
        counts[f.severity.value] += 1
    return counts
