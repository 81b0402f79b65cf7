"""stratlint — a linter for Markdown sales documents that catches strategy confused with plan.

Public API:

    >>> import stratlint
    >>> findings = stratlint.lint_text("## Sales Strategy\n\nIncrease sales by 50% this year.\n")
    >>> sorted({f.rule for f in findings})
    ['S101', 'S103', 'S104', 'S105', 'S107']
"""

from __future__ import annotations

__version__ = "0.1.0"

from stratlint.model import Finding, InputError, Result, Severity  # noqa: E402
from stratlint.settings import Settings  # noqa: E402


def lint_text(text: str, path: str = "<text>", config: Settings | None = None) -> list[Finding]:
    """Lint Markdown text and return its findings, sorted by position."""
    from stratlint.engine import lint_text as _lint_text

    return _lint_text(text, path=path, config=config)


def lint_paths(paths: list[str], config: Settings | None = None, *, jobs: int = 1) -> Result:
    """Lint files and directories (walked for *.md and *.markdown, honouring .gitignore and
    `exclude`); links between files resolve across the project. `jobs` > 1 lints in worker
    processes (the result is the same). No result cache is used."""
    from stratlint.engine import lint_files

    return lint_files(list(paths), config or Settings(), jobs=jobs).result


__all__ = [
    "Finding",
    "InputError",
    "Result",
    "Settings",
    "Severity",
    "lint_paths",
    "lint_text",
    "__version__",
]
