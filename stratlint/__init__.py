"""stratlint — a linter for Markdown sales documents that catches strategy confused with plan.

The public API is two functions and the record they return; everything else in the package is
internal and may change:

- `lint_text(text, path=..., config=...)` lints one Markdown text;
- `lint_paths(paths, config=..., jobs=...)` lints files and directories as a project;
- `Finding` is one problem found: rule, severity, position, message and fix.

    >>> import stratlint
    >>> findings = stratlint.lint_text("## Sales Strategy\\n\\nIncrease sales by 50% this year.\\n")
    >>> sorted({f.rule for f in findings})
    ['S101', 'S103', 'S104', 'S105', 'S107']

`config` takes a `stratlint.settings.Settings` (what a configuration file or the command line
resolves to); None means the defaults: every rule, default severities, no configuration file.
"""

from __future__ import annotations

from stratlint._version import __version__ as __version__
from stratlint.model import Finding, Result
from stratlint.settings import Settings


def lint_text(text: str, path: str = "<text>", config: Settings | None = None) -> list[Finding]:
    """Lint one Markdown text and return its findings, sorted by position.

    `path` names the text in the findings, and relative links start from it; the text itself
    is never read from disk. Rules that `config` turns off (`select`, `ignore`) and findings an
    inline `<!-- stratlint-disable -->` comment suppresses are not returned.
    """
    from stratlint.run.engine import lint_text as _lint_text

    return _lint_text(text, path=path, config=config)


def lint_paths(paths: list[str], config: Settings | None = None, *, jobs: int = 1) -> Result:
    """Lint files and directories as one project and return the `Result`.

    Directories are walked for *.md and *.markdown, honouring .gitignore and `exclude`; links
    between files resolve across the project (P201, P207, A301/A302). `Result.findings` holds
    the findings sorted by path and position, `Result.errors` the inputs that could not be read
    (unreadable, binary, not UTF-8), `Result.files` how many files were linted. `jobs` > 1
    lints in worker processes; the result is the same for any value. No result cache is used.
    """
    from stratlint.run.engine import lint_files

    return lint_files(list(paths), config or Settings(), jobs=jobs).result


__all__ = ["Finding", "lint_paths", "lint_text"]
