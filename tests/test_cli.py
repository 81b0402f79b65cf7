"""The real command, end to end, in a subprocess: exit codes, output shapes, errors."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT, run_cli

SEED = "## Sales Strategy\n\nOur strategy is to increase sales by 50% this year.\n"
GOOD = """## Strategy

Our win rate fell from 30% to 18% last year because buyers now compare us with bundled suites.
We focus on US mid-market 3PLs with 200 to 2,000 employees, because our billing cuts their
month-end close from ten days to two. We will not chase carriers or SMB shippers.
"""
PLAN = (
    "# Q3 Sales Plan\n\n- Hire 3 AEs by July (Owner: Sam).\n- Run 4 webinars in Q3 (Owner: PMM).\n"
)


def test_seed_case_gives_s101_at_the_sentence_and_s103_s104_at_the_heading(tmp_path):
    f = tmp_path / "plan.md"
    f.write_text(SEED)
    r = run_cli(str(f), "--format", "json")
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout)
    got = {(x["rule"], x["line"]) for x in data["findings"]}
    assert ("S101", 3) in got and ("S103", 1) in got and ("S104", 1) in got


def test_a_plan_with_no_strategy_gives_p201_at_its_heading(tmp_path):
    f = tmp_path / "plan.md"
    f.write_text(PLAN)
    data = json.loads(run_cli(str(f), "--format", "json").stdout)
    assert ("P201", 1) in {(x["rule"], x["line"]) for x in data["findings"]}


def test_a_well_written_strategy_gives_no_finding_and_exit_0(tmp_path):
    f = tmp_path / "strategy.md"
    f.write_text(GOOD)
    r = run_cli(str(f))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "All checks passed" in r.stdout


def test_json_output_has_the_spec_shape(tmp_path):
    f = tmp_path / "plan.md"
    f.write_text(SEED)
    data = json.loads(run_cli(str(f), "--format", "json").stdout)
    assert data["version"] == 1
    assert set(data) == {"version", "findings", "errors", "summary"}
    keys = {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "name",
        "severity",
        "message",
        "suggestion",
        "section",
    }
    assert all(set(x) == keys for x in data["findings"])
    assert data["summary"]["files"] == 1
    assert data["summary"]["error"] == sum(x["severity"] == "error" for x in data["findings"])


def test_relative_paths_stay_relative(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plan.md").write_text(SEED)
    data = json.loads(run_cli("docs/plan.md", "--format", "json", cwd=tmp_path).stdout)
    assert {x["path"] for x in data["findings"]} == {"docs/plan.md"}


def test_text_output_shows_location_rule_source_line_caret_and_help(tmp_path):
    f = tmp_path / "plan.md"
    f.write_text(SEED)
    out = run_cli(str(f)).stdout
    assert f"{f}:3:1: S101 [error]" in out
    assert "3 | Our strategy is to increase sales by 50% this year." in out
    assert "^^^" in out and "= help:" in out
    assert "\x1b[" not in out  # no colour when not on a terminal


def test_unreadable_file_is_reported_by_name_and_others_still_linted(tmp_path):
    good = tmp_path / "a.md"
    good.write_text(SEED)
    bad = tmp_path / "b.md"
    bad.write_bytes(b"\xff\xfe\x00\x00garbage\x00\x01")
    latin = tmp_path / "c.md"
    latin.write_bytes("## Stratégie\n\nCafé\xe9".encode("latin-1"))
    r = run_cli(str(good), str(bad), str(latin), "--format", "json")
    assert r.returncode == 2
    data = json.loads(r.stdout)
    assert {e["path"] for e in data["errors"]} == {str(bad), str(latin)}
    assert any(x["path"] == str(good) for x in data["findings"])
    assert str(latin) in r.stderr


def test_directories_are_walked_for_markdown(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.md").write_text(SEED)
    (tmp_path / "sub" / "y.markdown").write_text(SEED)
    (tmp_path / "sub" / "z.txt").write_text(SEED)
    data = json.loads(run_cli(str(tmp_path), "--format", "json").stdout)
    assert data["summary"]["files"] == 2


def test_stdin_with_a_filename(tmp_path):
    r = run_cli("-", "--stdin-filename", "docs/plan.md", "--format", "json", input=SEED)
    data = json.loads(r.stdout)
    assert {x["path"] for x in data["findings"]} == {"docs/plan.md"}


def test_select_ignore_and_fail_on(tmp_path):
    f = tmp_path / "plan.md"
    f.write_text(SEED)
    sel = json.loads(run_cli(str(f), "--format", "json", "--select", "S101").stdout)
    assert {x["rule"] for x in sel["findings"]} == {"S101"}
    ign = json.loads(run_cli(str(f), "--format", "json", "--ignore", "S1").stdout)
    assert not any(x["rule"].startswith("S1") for x in ign["findings"])
    # Only info findings left: exit 0 under the default --fail-on warning, 1 under info.
    assert run_cli(str(f), "--select", "S105,S107").returncode == 0
    assert run_cli(str(f), "--select", "S105,S107", "--fail-on", "info").returncode == 1


def test_unknown_rule_is_a_usage_error(tmp_path):
    f = tmp_path / "plan.md"
    f.write_text(SEED)
    r = run_cli(str(f), "--select", "X999")
    assert r.returncode == 2 and "X999" in r.stderr


def test_rules_lists_all_19_and_rule_prints_docs_with_examples():
    r = run_cli("rules")
    assert r.returncode == 0 and len(r.stdout.strip().splitlines()) == 19
    doc = run_cli("rule", "S101").stdout
    assert "goal-as-strategy" in doc and "Bad examples" in doc and "Good examples" in doc
    assert run_cli("rule", "goal-as-strategy").stdout == doc
    assert run_cli("rule", "Z1").returncode == 2


def test_inspect_shows_kinds_classes_and_evidence(tmp_path):
    f = tmp_path / "plan.md"
    f.write_text(SEED)
    out = run_cli("inspect", str(f)).stdout
    assert "strategy scope at line 1" in out
    assert "GOAL" in out and "evidence" in out and "increase" in out


def test_statistics_counts_per_rule(tmp_path):
    f = tmp_path / "plan.md"
    f.write_text(SEED)
    out = run_cli(str(f), "--statistics").stdout
    assert "S101  goal-as-strategy" in out


def test_generated_rule_docs_are_current():
    from stratlint.report.docs import render

    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == render(), (
        "docs/rules.md is stale: run `python -m stratlint.report.docs > docs/rules.md`"
    )


def test_examples_give_the_findings_the_readme_shows():
    r = run_cli(str(ROOT / "examples"), "--format", "json", "--no-cache")
    assert r.returncode == 1, r.stderr
    got = {(Path(x["path"]).name, x["rule"]) for x in json.loads(r.stdout)["findings"]}
    assert {
        ("sales-strategy-draft.md", rid) for rid in ("S101", "S102", "S103", "S104", "S106")
    } <= got
    assert not any(name == "fy27-sales-strategy.md" for name, _ in got)  # the clean strategy
    assert ("q3-sales-plan.md", "P201") not in got  # its strategy is linked in front matter
    assert ("q3-sales-plan.md", "P202") in got


def test_weak_owners_added_in_configuration_count_as_no_owner(tmp_path):
    (tmp_path / ".stratlint.yaml").write_text("lexicon:\n  weak-owners: [the pod]\n")
    (tmp_path / "plan.md").write_text(
        "## Strategy\n\nFocus on US dental groups because we cut no-shows.\n\n"
        "## Plan\n\n- Call 20 dental groups by May (Owner: the pod).\n"
    )
    data = json.loads(run_cli("plan.md", "--format", "json", "--no-cache", cwd=tmp_path).stdout)
    assert ("P202", 7) in {(x["rule"], x["line"]) for x in data["findings"]}
    plain = json.loads(
        run_cli("plan.md", "--format", "json", "--no-cache", "--no-config", cwd=tmp_path).stdout
    )
    assert ("P202", 7) not in {(x["rule"], x["line"]) for x in plain["findings"]}
