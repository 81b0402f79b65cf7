"""Reporters: findings and errors → text, JSON, SARIF, GitHub workflow commands, GitLab Code
Quality, or a self-contained HTML page.

Each format is one function `render(result, sources, **options) -> str`. Reporters decide nothing:
the findings arrive filtered and sorted. A format in `DRAWS_ANALYSIS` also reads
`result.summaries`, which the engine fills only when asked (`lint_files(summaries=True)`).
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from stratlint.report._counts import summary_counts

Renderer = Callable[..., str]


def get(fmt: str) -> Renderer:
    """The format's renderer. Each reporter is imported only when its format is asked for: a
    text run does not pay for the SARIF, GitLab and HTML reporters' imports (issue 15)."""
    reporter: ModuleType
    if fmt == "text":
        from stratlint.report import text as reporter
    elif fmt == "json":
        from stratlint.report import json_ as reporter
    elif fmt == "sarif":
        from stratlint.report import sarif as reporter
    elif fmt == "github":
        from stratlint.report import github as reporter
    elif fmt == "gitlab":
        from stratlint.report import gitlab as reporter
    elif fmt == "html":
        from stratlint.report import html as reporter
    else:
        raise KeyError(fmt)
    render: Renderer = reporter.render
    return render


FORMATS = ("text", "json", "sarif", "github", "gitlab", "html")
DRAWS_ANALYSIS = frozenset({"html"})  # formats that need Result.summaries

__all__ = ["DRAWS_ANALYSIS", "FORMATS", "Renderer", "get", "summary_counts"]
