"""The command line: wires options to the engine and maps results to exit codes.

stratlint [OPTIONS] [PATH]...      same as `stratlint check`
stratlint rules | rule ID | inspect FILE
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from stratlint._version import __version__
from stratlint.read.pathnames import clean, display
from stratlint.report import FORMATS

if TYPE_CHECKING:
    from stratlint.settings import Settings

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


def _split_rules(values: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(x for x in v.replace(" ", ",").split(",") if x)
    return out


def _resolve_rules(tokens: list[str], what: str) -> tuple[str, ...]:
    from stratlint import catalog

    ids: list[str] = []
    for t in tokens:
        found = catalog.resolve(t)
        if not found:
            raise click.UsageError(f"{what}: unknown rule or prefix '{t}' (see `stratlint rules`)")
        ids.extend(found)
    return tuple(sorted(set(ids)))


@main.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="Output format: text, json, sarif (code scanning), github (workflow "
    "annotations), gitlab (Code Quality report), html (a self-contained page: "
    "summary, strategy-to-plan maps, every document).",
)
@click.option("--select", multiple=True, help="Only these rules: IDs, prefixes (S, P2) or names.")
@click.option("--ignore", multiple=True, help="Skip these rules: IDs, prefixes or names.")
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Exit 1 when a finding is at or above this severity [default: warning].",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Configuration file (default: .stratlint.yaml or pyproject.toml found upwards).",
)
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.option("--stdin-filename", help="Path to report for input read from stdin (-).")
@click.option("--statistics", is_flag=True, help="Count findings per rule.")
@click.option("--quiet", "-q", is_flag=True, help="Only the finding lines; no snippets.")
@click.option(
    "--output-file",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to this file instead of standard output.",
)
@click.option(
    "--color/--no-color", default=None, help="Colour text output (default: on a terminal)."
)
@click.option(
    "--report-unused-disables",
    is_flag=True,
    help="Report suppression comments that suppress nothing (exit 2).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="Worker processes for many files (default: all cores; 1: no workers).",
)
@click.option(
    "--no-cache", is_flag=True, help="Lint every file again; do not read or write the result cache."
)
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path, file_okay=False),
    envvar="STRATLINT_CACHE_DIR",
    show_envvar=True,
    help="Result cache folder (default: .stratlint_cache in the project root).",
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Also name on standard error each path a walk skipped, and why (links out "
    "of the project, named pipes, sockets, devices).",
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    config_file: Path | None,
    no_config: bool,
    stdin_filename: str | None,
    statistics: bool,
    quiet: bool,
    output_file: Path | None,
    color: bool | None,
    report_unused_disables: bool,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
    verbose: bool,
) -> None:
    """Lint files, directories (walked for *.md and *.markdown), or - for stdin.

    Exit status: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage,
    configuration or input error.

    \b
    Examples:
      stratlint check docs/                          lint every *.md under docs/
      stratlint check --fail-on error docs/          fail only on errors
      stratlint check --format github docs/          annotations in GitHub Actions
      stratlint check --format sarif -o stratlint.sarif docs/
      stratlint check --format gitlab -o gl-code-quality-report.json docs/
      stratlint check --format html -o report.html docs/
      cat plan.md | stratlint check - --stdin-filename docs/plan.md
      stratlint check --config ci/stratlint.yaml --report-unused-disables docs/
    """
    from stratlint.cache import Cache
    from stratlint.engine import lint_files
    from stratlint.report import DRAWS_ANALYSIS, get

    settings = _settings(config_file, no_config, select, ignore, fail_on, report_unused_disables)
    if not paths:
        paths = ("-",) if not sys.stdin.isatty() and stdin_filename else (".",)

    cache = None if no_cache else Cache.open(settings, cache_dir)
    run = lint_files(
        list(paths),
        settings,
        jobs=jobs,
        cache=cache,
        read_stdin=sys.stdin.buffer.read,
        stdin_filename=stdin_filename,
        summaries=fmt in DRAWS_ANALYSIS,
    )
    result, sources = run.result, run.sources
    use_color = (
        color
        if color is not None
        else (fmt == "text" and output_file is None and sys.stdout.isatty())
    )
    rendered = get(fmt)(result, sources, color=use_color, statistics=statistics, quiet=quiet)
    if output_file is not None:
        _write_file(rendered, output_file)
    else:
        _write_stdout(rendered, "utf-8" if fmt != "text" else None)
    if verbose:
        for path, why in run.skipped:
            click.echo(f"stratlint: skipped {display(path)}: {why}", err=True)
    if fmt != "text":
        for e in result.errors:
            where = f"{display(e.path)}:{e.line}" if e.line else display(e.path)
            click.echo(f"stratlint: {where}: {clean(e.message)}", err=True)
    if result.errors:
        sys.exit(EXIT_ERROR)
    if any(f.severity.rank >= settings.fail_on.rank for f in result.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


def _settings(
    config_file: Path | None,
    no_config: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    report_unused_disables: bool,
) -> Settings:
    """The configuration file's settings with the command line's options on top (exit 2 on a
    configuration or usage error)."""
    from stratlint.model import Severity
    from stratlint.run.config import ConfigError, load_settings

    try:
        settings = load_settings(config_file, no_config, Path.cwd())
    except ConfigError as exc:
        for problem in str(exc).splitlines():
            click.echo(f"stratlint: {problem}", err=True)
        sys.exit(EXIT_ERROR)
    if report_unused_disables:
        settings = replace(settings, report_unused_disables=True)
    try:
        if select:
            settings = replace(settings, select=_resolve_rules(_split_rules(select), "--select"))
        if ignore:
            ignored = set(settings.ignore) | set(_resolve_rules(_split_rules(ignore), "--ignore"))
            settings = replace(settings, ignore=tuple(sorted(ignored)))
    except click.UsageError as exc:
        click.echo(f"stratlint: {exc.message}", err=True)
        sys.exit(EXIT_ERROR)
    if fail_on:
        settings = replace(settings, fail_on=Severity(fail_on))
    return settings


def _write_file(rendered: str, output_file: Path) -> None:
    """Write the report whole or not at all (exit 2 when it cannot be written)."""
    tmp = output_file.with_name(output_file.name + ".tmp")
    try:
        tmp.write_text(rendered, encoding="utf-8")
        tmp.replace(output_file)
    except OSError as exc:
        click.echo(f"stratlint: cannot write {output_file}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_ERROR)
    finally:
        tmp.unlink(missing_ok=True)  # interrupted or failed: no half-written file is left


def _write_stdout(text: str, encoding: str | None) -> None:
    """Write a report: machine formats as UTF-8 whatever the locale says, text in the terminal's
    encoding (what it cannot show as a backslash escape, never an error)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode(encoding or sys.stdout.encoding or "utf-8", "backslashreplace"))
    buffer.flush()


@main.command("rules")
def rules_cmd() -> None:
    """List every rule: ID, name, default severity, summary."""
    from stratlint import catalog

    for r in catalog.rules().values():
        click.echo(f"{r.id}  {r.name:<28} {r.severity.value:<8} {r.summary}")


@main.command("rule")
@click.argument("rule_id")
def rule_cmd(rule_id: str) -> None:
    """Print a rule's documentation: what it flags, why, how to fix, examples."""
    from stratlint import catalog

    found = catalog.resolve(rule_id)
    if len(found) != 1 or (
        rule_id.upper() not in found and rule_id.lower() not in catalog.by_name()
    ):
        click.echo(f"stratlint: unknown rule '{rule_id}' (see `stratlint rules`)", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(catalog.render(found[0]), nl=False)


@main.command("inspect")
@click.argument("file", type=click.Path(path_type=str))
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
def inspect_cmd(file: str, no_config: bool) -> None:
    """Show how a document was read: sections and kinds, statements with classes and evidence."""
    from stratlint.read.files import ReadError, decode, read_text
    from stratlint.run.config import ConfigError, load_settings
    from stratlint.run.inspect import render

    try:
        settings = load_settings(None, no_config, Path.cwd())
        text = decode(sys.stdin.buffer.read()) if file == "-" else read_text(file)
    except (ConfigError, ReadError) as exc:
        click.echo(f"stratlint: {display(file)}: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(render(text, file, settings), nl=False)


@main.command("eval")
@click.argument("corpus", type=click.Path(path_type=Path, file_okay=False, exists=True))
@click.option(
    "--split", default=None, help="Only documents under this folder (dev, test, written)."
)
@click.option(
    "--group",
    type=click.Choice(["train", "test"]),
    default=None,
    help="Only the sources of this group: test = the frozen sources of "
    "corpus/bank/split.yaml that nothing is fitted on; train = the others.",
)
@click.option(
    "--bank",
    is_flag=True,
    help="Also measure the section-genre and statement-class "
    "models and the findings per real page on the bank's test sources.",
)
@click.option("--show", is_flag=True, help="List every miss and false alarm.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def eval_cmd(
    corpus: Path, split: str | None, group: str | None, bank: bool, show: bool, fmt: str
) -> None:
    """Measure precision and recall per rule on a labelled corpus (expected.jsonl), by source.

    \b
    Examples:
      stratlint eval corpus --group test           the frozen test sources (what CI gates)
      stratlint eval corpus --group train --show   the fitted sources, with every miss
      stratlint eval corpus --group test --bank    also genres, classes and real-page noise
    """
    from stratlint.run.evaluate import evaluate, render_json, render_text

    report = evaluate(corpus, split, group=group)
    click.echo(render_json(report) if fmt == "json" else render_text(report, show), nl=False)
    if bank:
        from stratlint.run.bank import render_bank

        click.echo(render_bank(corpus.resolve()), nl=False)


@main.command("server")
@click.option(
    "--stdio",
    is_flag=True,
    help="Speak LSP over standard input and output "
    "(the default; accepted because editors pass it).",
)
def server_cmd(stdio: bool) -> None:
    """Run the Language Server for editors: findings as you write (see docs/editors.md)."""
    try:
        import pygls  # noqa: F401 - the optional extra; imported here only to check for it

        from stratlint.server import main as serve
    except ImportError as exc:
        click.echo(
            f"stratlint: the server needs the 'server' extra ({exc.name} is missing): "
            "pip install 'stratlint[server]'",
            err=True,
        )
        sys.exit(EXIT_ERROR)
    sys.exit(serve())


if __name__ == "__main__":  # pragma: no cover
    main()
