"""Reporters: findings and errors → text, JSON, SARIF, GitHub workflow commands, GitLab Code
Quality, or a self-contained HTML page.

Each format is one function `render(result, sources, **options) -> str`. Reporters decide nothing:
the findings arrive filtered and sorted. A format in `DRAWS_ANALYSIS` also reads
`result.summaries`, which the engine fills only when asked (`lint_files(summaries=True)`).
"""

from __future__ import annotations

from collections.abc import Callable

from stratlint.report._counts import summary_counts

Renderer = Callable[..., str]


def get(fmt: str) -> Renderer:
    from stratlint.report import github, gitlab, html, json_, sarif, text

    table: dict[str, Renderer] = {
        "text": text.render,
        "json": json_.render,
        "sarif": sarif.render,
        "github": github.render,
        "gitlab": gitlab.render,
        "html": html.render,
    }
    return table[fmt]


FORMATS = ("text", "json", "sarif", "github", "gitlab", "html")
DRAWS_ANALYSIS = frozenset({"html"})  # formats that need Result.summaries

__all__ = ["DRAWS_ANALYSIS", "FORMATS", "Renderer", "get", "summary_counts"]
