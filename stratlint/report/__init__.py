"""Reporters: findings and errors → text, JSON, SARIF or GitHub workflow commands.

Each format is one function `render(result, sources, **options) -> str`. Reporters decide nothing:
the findings arrive filtered and sorted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from stratlint.model import Result

Renderer = Callable[..., str]


def get(fmt: str) -> Renderer:
    from stratlint.report import github, gitlab, json_, sarif, text

    table: dict[str, Any] = {"text": text.render, "json": json_.render, "sarif": sarif.render,
                             "github": github.render, "gitlab": gitlab.render}
    return table[fmt]


FORMATS = ("text", "json", "sarif", "github", "gitlab")


def summary_counts(result: Result) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in result.findings:
        counts[f.severity.value] += 1
    return counts
