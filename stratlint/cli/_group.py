"""The `stratlint` command group: anything that is not a subcommand goes to `check`, Ctrl-C and
escaped bugs end in one line, and the exit codes every subcommand uses."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from stratlint._version import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
SEVERITIES = ("error", "warning", "info")


class _DefaultGroup(click.Group):
    """`stratlint plan.md` runs `check`: anything that is not a subcommand goes to it."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if (
            not args
            or args[0] not in self.commands
            and args[0] not in ("--help", "-h", "--version")
        ):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        # Ctrl-C: a one-line message and exit 130, never a traceback or click's "Aborted!" with
        # exit 1 (which means "findings" here). Output files and cache entries are written
        # atomically, so nothing half-written is left behind. A bug that escapes the engine is
        # reported in one line (STRATLINT_DEBUG=1 shows the traceback).
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("stratlint: interrupted; no report written", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except (
            click.ClickException,
            click.exceptions.Exit,
            click.exceptions.Abort,
            BrokenPipeError,
        ):
            raise  # click reports these itself
        except Exception as exc:
            if os.environ.get("STRATLINT_DEBUG"):
                raise
            what = f"{type(exc).__name__}: {str(exc)[:200]}"
            click.echo(
                f"stratlint: internal error ({what}); please report it with the input "
                "that caused it (STRATLINT_DEBUG=1 shows where)",
                err=True,
            )
            sys.exit(EXIT_ERROR)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="stratlint")
def main() -> None:
    """Lint Markdown sales documents for strategy confused with plan.

    \b
    Examples:
      stratlint plan.md                  lint one file
      stratlint docs/                    lint every *.md under docs/
      stratlint --format json docs/      machine-readable output
      stratlint --select S,P201 plan.md  only strategy rules and P201
      cat plan.md | stratlint - --stdin-filename plan.md
      stratlint rule S101                what a rule checks, with examples
      stratlint inspect plan.md          why it said that: kinds, classes, evidence
    """
