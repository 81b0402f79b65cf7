"""Suppression comments and front matter `stratlint: {ignore: [...]}`: what each form covers,
what it reports about itself (unknown rules, unused suppressions)."""

from __future__ import annotations

import json
from pathlib import Path

from stratlint.run.engine import lint_sources
from stratlint.settings import Settings

HEAD = "## Sales Strategy\n\n"  # strategy-level findings (S103, S104…) at line 1
GOAL = "Our strategy is to increase sales by 50% this year."  # S101 where it stands


def lint(text: str, **settings: object) -> tuple[set[tuple[str, int]], list[tuple[int, str]]]:
    """(rule, line) of the findings, and (line, message) of the errors, of one document."""
    result = lint_sources([("doc.md", text)], Settings(**settings))  # type: ignore[arg-type]
    return (
        {(f.rule, f.line) for f in result.findings},
        [(e.line or 0, e.message) for e in result.errors],
    )


def test_baseline_document_has_the_findings_the_other_tests_suppress() -> None:
    found, errors = lint(HEAD + GOAL + "\n")
    assert {("S101", 3), ("S103", 1), ("S104", 1)} <= found
    assert errors == []


def test_disable_next_line_suppresses_only_that_rule_on_the_next_line() -> None:
    found, errors = lint(HEAD + "<!-- stratlint-disable-next-line S101 -->\n" + GOAL + "\n")
    assert ("S101", 4) not in found
    assert ("S103", 1) in found
    assert errors == []


def test_rule_names_and_any_case_are_accepted() -> None:
    for token in ("goal-as-strategy", "s101", "S1"):
        found, errors = lint(HEAD + f"<!-- stratlint-disable-next-line {token} -->\n" + GOAL + "\n")
        assert ("S101", 4) not in found, token
        assert errors == [], token


def test_disable_next_line_skips_blank_lines_and_stacked_directives() -> None:
    text = (
        HEAD + "<!-- stratlint-disable-next-line S101 -->\n\n"
        "<!-- stratlint-disable-next-line S106 -->\n" + GOAL + " Be best-in-class.\n"
    )
    found, errors = lint(text)
    assert not {r for r, line in found if line == 6} & {"S101", "S106"}
    assert errors == []


def test_disable_next_line_before_a_heading_suppresses_section_findings() -> None:
    text = "<!-- stratlint-disable-next-line S103 S104 -->\n" + HEAD + GOAL + "\n"
    found, _ = lint(text)
    assert ("S103", 2) not in found and ("S104", 2) not in found
    assert ("S101", 4) in found


def test_disable_enable_range_covers_only_the_lines_between() -> None:
    text = (
        HEAD + "<!-- stratlint-disable S101 -->\n" + GOAL + "\n\n"
        "<!-- stratlint-enable -->\n\nDouble revenue by Q4.\n"
    )
    found, _ = lint(text)
    assert ("S101", 4) not in found
    assert ("S101", 8) in found


def test_disable_without_rules_covers_every_rule_and_enable_can_name_one() -> None:
    text = (
        HEAD
        + "<!-- stratlint-disable -->\n<!-- stratlint-enable S106 -->\n"
        + GOAL
        + " Be best-in-class.\n"
    )
    found, _ = lint(text)
    assert {r for r, line in found if line == 5} == {"S106"}
    assert ("S103", 1) in found  # before the range


def test_disable_line_in_a_list_item_covers_its_line() -> None:
    text = HEAD + "We sell to hospitals.\n\n- Be best-in-class.\n"
    assert ("S106", 5) in lint(text)[0]
    found, errors = lint(text.replace("class.", "class. <!-- stratlint-disable-line S106 -->"))
    assert not {r for r, line in found if line == 5} & {"S106"}
    assert errors == []


def test_disable_line_covers_the_line_it_is_on() -> None:
    found, errors = lint(HEAD + GOAL + " <!-- stratlint-disable-line S101 -->\n")
    assert ("S101", 3) not in found
    assert errors == []


def test_disable_file_and_front_matter_ignore() -> None:
    found, _ = lint("<!-- stratlint-disable-file -->\n" + HEAD + GOAL + "\n")
    assert found == set()
    text = "---\nstratlint:\n  ignore: [S103, strategy-missing-why]\n---\n" + HEAD + GOAL + "\n"
    found, errors = lint(text)
    assert not {r for r, _ in found} & {"S103", "S104"}
    assert ("S101", 7) in found and errors == []


def test_text_after_double_dash_is_a_reason_not_rules() -> None:
    text = HEAD + "<!-- stratlint-disable-next-line S101 -- quoted from the board deck -->\n" + GOAL
    found, errors = lint(text + "\n")
    assert ("S101", 4) not in found and errors == []


def test_directives_inside_code_blocks_are_not_read() -> None:
    text = HEAD + "```markdown\n<!-- stratlint-disable-file -->\n```\n\n" + GOAL + "\n"
    found, _ = lint(text)
    assert ("S101", 7) in found and ("S103", 1) in found


def test_unknown_rule_is_an_error_at_its_line_and_disables_nothing() -> None:
    found, errors = lint(HEAD + "<!-- stratlint-disable-next-line S1O1 -->\n" + GOAL + "\n")
    assert ("S101", 4) in found  # a typo must not turn into "every rule"
    assert len(errors) == 1 and errors[0][0] == 3
    assert "unknown rule 'S1O1'" in errors[0][1]


def test_unknown_directive_is_an_error() -> None:
    _, errors = lint(HEAD + "<!-- stratlint-disable-nextline S101 -->\n" + GOAL + "\n")
    assert [
        (line, "unknown directive 'stratlint-disable-nextline'" in msg) for line, msg in errors
    ] == [(3, True)]


def test_front_matter_of_the_wrong_shape_is_an_error_at_its_key() -> None:
    _, errors = lint("---\ntitle: x\nstratlint: [S101]\n---\n" + HEAD + GOAL + "\n")
    assert [line for line, _ in errors] == [3]
    _, errors = lint("---\nstratlint: {ignroe: [S101]}\n---\n" + HEAD + GOAL + "\n")
    assert [line for line, _ in errors] == [2] and "ignroe" in errors[0][1]


def test_unused_suppressions_are_reported_only_on_request() -> None:
    text = (
        HEAD + "<!-- stratlint-disable-next-line S101 P202 -->\n" + GOAL + "\n\n"
        "<!-- stratlint-disable-next-line -->\nWe sell to hospitals.\n"
    )
    _, errors = lint(text)
    assert errors == []
    _, errors = lint(text, report_unused_disables=True)
    assert [line for line, _ in errors] == [3, 6]
    assert errors[0][1].startswith("unused suppression: P202 in stratlint-disable-next-line")
    assert "suppresses nothing" in errors[1][1]


def test_unused_report_skips_rules_that_did_not_run() -> None:
    text = HEAD + "<!-- stratlint-disable-next-line P202 -->\n" + GOAL + "\n"
    _, errors = lint(text, report_unused_disables=True, ignore=("P202",))
    assert errors == []


def test_unused_front_matter_ignore_is_reported_at_its_key() -> None:
    text = "---\ntype: strategy\nstratlint: {ignore: [P205]}\n---\n" + HEAD + GOAL + "\n"
    _, errors = lint(text, report_unused_disables=True)
    assert [line for line, _ in errors] == [3] and "P205" in errors[0][1]


# -- through the real command ---------------------------------------------------------------


def test_cli_applies_suppressions_and_reports_unused_ones(tmp_path: Path, cli) -> None:
    doc = tmp_path / "plan.md"
    doc.write_text(
        HEAD
        + "<!-- stratlint-disable-next-line goal-as-strategy -->\n"
        + GOAL
        + "\n<!-- stratlint-disable-next-line S106 -->\nWe sell to hospitals.\n",
        encoding="utf-8",
    )
    r = cli("--no-config", "--format", "json", "plan.md", cwd=tmp_path)
    data = json.loads(r.stdout)
    assert "S101" not in {f["rule"] for f in data["findings"]}
    assert data["errors"] == [] and r.returncode == 1  # S103… remain
    r = cli("--no-config", "--report-unused-disables", "--format", "json", "plan.md", cwd=tmp_path)
    assert r.returncode == 2
    assert json.loads(r.stdout)["errors"] == [
        {
            "path": "plan.md",
            "line": 5,
            "message": "unused suppression: S106 in stratlint-disable-next-line S106 suppresses "
            "nothing; remove it",
        }
    ]
    assert "stratlint: plan.md:5: unused suppression" in r.stderr
