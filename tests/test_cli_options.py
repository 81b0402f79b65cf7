"""Command-line options through the real command: stdin with --stdin-filename, --quiet,
--output-file, --help, and the exit codes CI relies on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

STRATEGY = (
    "## Sales strategy\n\nWe focus on mid-market hospitals in the US because our analytics cut "
    "claim denials, which competitors ignore. We will not sell to clinics.\n"
)
PLAN = (
    "## Plan\n\nSupports the [strategy](strategy.md).\n\n"
    "- Sam calls 10 hospitals by 31 May to book 5 demos (budget: $2k).\n"
)
GOAL = "## Sales Strategy\n\nOur strategy is to increase sales by 50% this year.\n"


def rules_of(stdout: str) -> set[tuple[str, str, int]]:
    return {(f["path"], f["rule"], f["line"]) for f in json.loads(stdout)["findings"]}


def test_stdin_is_linted_under_the_stdin_filename(tmp_path: Path, cli: Any) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "strategy.md").write_text(STRATEGY, encoding="utf-8")
    named = cli(
        "--no-config",
        "--format",
        "json",
        "-",
        "--stdin-filename",
        "docs/plan.md",
        input=PLAN,
        cwd=tmp_path,
    )
    found = rules_of(named.stdout)
    assert {p for p, _, _ in found} == {"docs/plan.md"}
    # The buffer's links resolve from the name it will have: the strategy beside it is found.
    assert not {r for _, r, _ in found} & {"P201", "P207"}
    anonymous = cli("--no-config", "--format", "json", "-", input=PLAN, cwd=tmp_path)
    assert ("-", "P207", 3) in rules_of(anonymous.stdout)


def test_stdin_filename_alone_reads_piped_input_and_config_matches_it(
    tmp_path: Path, cli: Any
) -> None:
    (tmp_path / ".stratlint.yaml").write_text(
        'per-file-ignores: {"drafts/*.md": [S103, S104]}\n', encoding="utf-8"
    )
    r = cli("--format", "json", "--stdin-filename", "drafts/x.md", input=GOAL, cwd=tmp_path)
    found = {rule for _, rule, _ in rules_of(r.stdout)}
    assert "S101" in found and not found & {"S103", "S104"}
    assert r.returncode == 1


def test_stdin_that_is_not_utf8_is_an_input_error(tmp_path: Path, cli: Any) -> None:
    import subprocess
    import sys

    exe = Path(sys.executable).with_name("stratlint")
    r = subprocess.run(
        [str(exe), "--no-config", "-", "--stdin-filename", "plan.md"],
        input=b"## Plan\n\xff\xfe broken\n",
        capture_output=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert r.returncode == 2
    assert b"plan.md: error: not UTF-8 text (invalid byte at line 2)" in r.stdout
    assert b"Traceback" not in r.stderr


def test_quiet_prints_finding_lines_only_and_nothing_when_clean(tmp_path: Path, cli: Any) -> None:
    (tmp_path / "goal.md").write_text(GOAL, encoding="utf-8")
    (tmp_path / "clean.md").write_text("# Notes\n\nNothing to see.\n", encoding="utf-8")
    loud = cli("--no-config", "goal.md", cwd=tmp_path)
    quiet = cli("--no-config", "--quiet", "goal.md", cwd=tmp_path)
    assert loud.returncode == quiet.returncode == 1
    assert " | " in loud.stdout and "= help:" in loud.stdout
    lines = [x for x in quiet.stdout.splitlines() if x]
    assert " | " not in quiet.stdout and "= help:" not in quiet.stdout
    assert lines[0].startswith("goal.md:1:1: S103 [error]")
    assert any(x.startswith("goal.md:3:1: S101 [error]") for x in lines)
    clean = cli("--no-config", "-q", "clean.md", cwd=tmp_path)
    assert clean.returncode == 0 and clean.stdout == ""


def test_output_file_gets_the_report_and_the_exit_code_stays(tmp_path: Path, cli: Any) -> None:
    (tmp_path / "goal.md").write_text(GOAL, encoding="utf-8")
    r = cli("--no-config", "--format", "json", "-o", "out/report.json", "goal.md", cwd=tmp_path)
    assert r.returncode == 2 and "cannot write out/report.json" in r.stderr
    assert "Traceback" not in r.stderr
    (tmp_path / "out").mkdir()
    r = cli("--no-config", "--format", "json", "-o", "out/report.json", "goal.md", cwd=tmp_path)
    assert r.returncode == 1 and r.stdout == ""
    data = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert ("goal.md", "S101", 3) in {(f["path"], f["rule"], f["line"]) for f in data["findings"]}
    assert not (tmp_path / "out" / "report.json.tmp").exists()


def test_help_lists_the_workflow_options_with_examples(cli: Any) -> None:
    r = cli("check", "--help")
    assert r.returncode == 0
    for option in (
        "--config",
        "--no-config",
        "--stdin-filename",
        "--quiet",
        "--output-file",
        "--report-unused-disables",
        "--fail-on",
        "--select",
        "--ignore",
    ):
        assert option in r.stdout, option
    assert "gitlab" in r.stdout and "sarif" in r.stdout and "github" in r.stdout
    examples = r.stdout.split("Examples:", 1)[1]
    assert "--stdin-filename" in examples and "--format sarif" in examples


def test_exit_codes_follow_fail_on_and_missing_files(tmp_path: Path, cli: Any) -> None:
    (tmp_path / "goal.md").write_text(GOAL, encoding="utf-8")
    assert cli("--no-config", "--select", "S106", "goal.md", cwd=tmp_path).returncode == 0
    only_info = cli("--no-config", "--select", "S105", "goal.md", cwd=tmp_path)
    assert only_info.returncode == 0  # info is below the default fail-on (warning)
    strict = cli("--no-config", "--select", "S105", "--fail-on", "info", "goal.md", cwd=tmp_path)
    assert strict.returncode == 1
    missing = cli("--no-config", "goal.md", "nope.md", cwd=tmp_path)
    assert missing.returncode == 2 and "nope.md: error: no such file" in missing.stdout
    assert "goal.md:3:1: S101" in missing.stdout  # the other file is still linted
