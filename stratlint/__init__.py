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


def lint_paths(paths: list[str], config: Settings | None = None) -> Result:
    """Lint files and directories (walked for *.md and *.markdown)."""
    from stratlint.engine import lint_sources
    from stratlint.files import ReadError, discover, read_text

    settings = config or Settings()

    def sources():  # type: ignore[no-untyped-def]
        for p in discover(paths, settings.exclude):
            try:
                yield p, read_text(p)
            except ReadError as exc:
                yield p, exc

    return lint_sources(sources(), settings)


__all__ = ["Finding", "InputError", "Result", "Settings", "Severity", "lint_paths", "lint_text",
           "__version__"]
