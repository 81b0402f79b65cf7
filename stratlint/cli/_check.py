"""`stratlint check` (the default command): options to settings, the engine's run to a report,
findings to the exit code."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from stratlint.cli._group import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, SEVERITIES, main
from stratlint.read.pathnames import clean, display
from stratlint.report import FORMATS

if TYPE_CHECKING:
    from stratlint.run.engine import Run
    from stratlint.settings import Settings


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
    from stratlint.report import get

    settings = _settings(config_file, no_config, select, ignore, fail_on, report_unused_disables)
    run = _lint(paths, settings, fmt, jobs, no_cache, cache_dir, stdin_filename)
    result, sources = run.result, run.sources
    if color is None:  # colour on a terminal only, for text written to it
        color = fmt == "text" and output_file is None and sys.stdout.isatty()
    rendered = get(fmt)(result, sources, color=color, statistics=statistics, quiet=quiet)
    if output_file is not None:
        _write_file(rendered, output_file)
    else:
        _write_stdout(rendered, "utf-8" if fmt != "text" else None)
    _tell_and_exit(run, settings, fmt, verbose)


def _lint(
    paths: tuple[str, ...],
    settings: Settings,
    fmt: str,
    jobs: int | None,
    no_cache: bool,
    cache_dir: Path | None,
    stdin_filename: str | None,
) -> Run:
    """Lint the paths (standard input when none is given and it is piped with a name, else the
    current folder), through the cache unless --no-cache."""
    from stratlint.report import DRAWS_ANALYSIS
    from stratlint.run.cache import Cache
    from stratlint.run.engine import lint_files

    if not paths:
        paths = ("-",) if not sys.stdin.isatty() and stdin_filename else (".",)
    return lint_files(
        list(paths),
        settings,
        jobs=jobs,
        cache=None if no_cache else Cache.open(settings, cache_dir),
        read_stdin=sys.stdin.buffer.read,
        stdin_filename=stdin_filename,
        summaries=fmt in DRAWS_ANALYSIS,
    )


def _tell_and_exit(run: Run, settings: Settings, fmt: str, verbose: bool) -> NoReturn:
    """On standard error: the paths skipped (with --verbose) and, when the report is not text
    (which shows them), the input errors; then exit with the status the findings call for."""
    result = run.result
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
