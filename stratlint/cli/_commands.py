"""The other subcommands: `rules`, `rule ID`, `inspect FILE`, `eval CORPUS` and `server`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from stratlint.cli._group import EXIT_ERROR, main
from stratlint.read.pathnames import display


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
        from stratlint.run.bank_report import render_bank

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
