"""Output formats through the real command: SARIF (validated against the official 2.1.0 schema),
GitHub workflow commands, GitLab Code Quality, JSON; and the composite GitHub Action's run step,
executed the way a runner executes it."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from stratlint import catalog
from stratlint.model import Finding, InputError, Result, Severity
from stratlint.report import gitlab

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"

BAD = "## Sales Strategy\n\nOur strategy is to increase sales by 50% this year.\n"
PLAN = (
    "# Q3 plan\n\n## Actions\n\n- Run 4 webinars for 100% of accounts, 50% off.\n"
    "- Call every lead soon.\n"
)


@pytest.fixture(scope="module")
def sarif_validator() -> Any:
    if not SCHEMA.exists():
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    if "Root" in schema.get("definitions", {}) and "properties" not in schema:
        # This copy keeps the log's own constraints under definitions/Root and none at the top:
        # validated as is, it would accept anything.
        schema = {**schema, "allOf": [{"$ref": "#/definitions/Root"}]}
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    # The validator must be able to fail: an empty log and a URI with a space are rejected.
    assert list(validator.iter_errors({}))
    assert list(
        validator.iter_errors(
            {
                "version": "2.1.0",
                "runs": [
                    {
                        "tool": {"driver": {"name": "x"}},
                        "results": [
                            {
                                "message": {"text": "m"},
                                "locations": [
                                    {"physicalLocation": {"artifactLocation": {"uri": "a b.md"}}}
                                ],
                            }
                        ],
                    }
                ],
            }
        )
    )
    return validator


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Two documents with findings (one with a space and a comma in its name), a binary file and
    a bad suppression comment: findings, input errors and awkward paths in one run."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "strategy.md").write_text(BAD, encoding="utf-8")
    (docs / "sales plan, q3.md").write_text(PLAN, encoding="utf-8")
    (docs / "broken.md").write_bytes(b"\x00\x01binary")
    (docs / "typo.md").write_text("<!-- stratlint-disable S1O1 -->\n" + BAD, encoding="utf-8")
    return tmp_path


def findings_json(cli: Any, cwd: Path, *args: str) -> dict[str, Any]:
    r = cli("--no-config", "--format", "json", *args, cwd=cwd)
    return json.loads(r.stdout)


def test_sarif_is_valid_2_1_0_with_rules_help_and_regions(
    project: Path, cli: Any, sarif_validator: Any
) -> None:
    r = cli("--no-config", "--format", "sarif", "docs", cwd=project)
    assert r.returncode == 2  # the binary file and the bad directive are input errors
    sarif = json.loads(r.stdout)
    errors = sorted(sarif_validator.iter_errors(sarif), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])

    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} == set(catalog.rules())
    for rule in rules:
        assert rule["help"]["text"] and rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["columnKind"] == "unicodeCodePoints"

    expected = findings_json(cli, project, "docs")["findings"]
    got = []
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        loc = res["locations"][0]["physicalLocation"]
        reg = loc["region"]
        assert reg["endLine"] > reg["startLine"] or reg["endColumn"] > reg["startColumn"]
        got.append(
            (
                loc["artifactLocation"]["uri"],
                reg["startLine"],
                reg["startColumn"],
                reg["endLine"],
                reg["endColumn"],
                res["ruleId"],
            )
        )
    want = [
        (
            f["path"].replace(" ", "%20").replace(",", "%2C"),
            f["line"],
            f["column"],
            f["end_line"],
            f["end_column"],
            f["rule"],
        )
        for f in expected
    ]
    assert got == want and got

    notes = run["invocations"][0]["toolExecutionNotifications"]
    where = {
        (
            n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            n["locations"][0]["physicalLocation"].get("region", {}).get("startLine"),
        )
        for n in notes
    }
    assert where == {("docs/broken.md", None), ("docs/typo.md", 1)}
    assert run["invocations"][0]["executionSuccessful"] is False


_COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<msg>.*)$")


def _props(s: str) -> dict[str, str]:
    return dict(p.split("=", 1) for p in s.split(","))


def test_github_format_prints_one_workflow_command_per_finding(project: Path, cli: Any) -> None:
    r = cli("--no-config", "--format", "github", "docs", cwd=project)
    expected = findings_json(cli, project, "docs")
    lines = r.stdout.splitlines()
    assert len(lines) == len(expected["findings"]) + len(expected["errors"])
    level = {"error": "error", "warning": "warning", "info": "notice"}
    for line, f in zip(lines[: len(expected["findings"])], expected["findings"], strict=True):
        m = _COMMAND.match(line)
        assert m, line
        props = _props(m.group("props"))
        assert m.group(1) == level[f["severity"]]
        assert props == {
            "file": f["path"].replace(",", "%2C"),
            "line": str(f["line"]),
            "col": str(f["column"]),
            "endLine": str(f["end_line"]),
            "endColumn": str(f["end_column"]),
            "title": f"{f['rule']} {f['name']}",
        }
        assert m.group("msg").startswith(f["message"].replace("%", "%25"))
    error_lines = [_props(_COMMAND.match(x).group("props")) for x in lines[-2:]]  # type: ignore[union-attr]
    assert {(p["file"], p.get("line")) for p in error_lines} == {
        ("docs/broken.md", None),
        ("docs/typo.md", "1"),
    }
    assert "%25" in r.stdout  # the "50%" of the goal, escaped


def test_gitlab_code_quality_report(project: Path, cli: Any) -> None:
    out = project / "gl-code-quality-report.json"
    r = cli("--no-config", "--format", "gitlab", "--output-file", str(out), "docs", cwd=project)
    assert r.returncode == 2 and r.stdout == ""
    issues = json.loads(out.read_text(encoding="utf-8"))
    expected = findings_json(cli, project, "docs")
    assert len(issues) == len(expected["findings"]) + len(expected["errors"])
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    sev = {"error": "major", "warning": "minor", "info": "info"}
    for issue, f in zip(issues[: len(expected["findings"])], expected["findings"], strict=True):
        assert issue["check_name"] == f"{f['rule']} {f['name']}"
        assert issue["severity"] == sev[f["severity"]]
        assert issue["location"] == {
            "path": f["path"],
            "lines": {"begin": f["line"], "end": f["end_line"]},
        }
        assert issue["description"]


def test_gitlab_fingerprints_survive_moving_text() -> None:
    def finding(line: int, msg: str = "“Double revenue.” is a goal") -> Finding:
        return Finding(
            "./docs/a.md", line, 1, line, 10, "S101", "goal-as-strategy", Severity.ERROR, msg, "fix"
        )

    before = json.loads(gitlab.render(Result([finding(3), finding(9)], [InputError("b.md", "x")])))
    after = json.loads(gitlab.render(Result([finding(5), finding(11)], [InputError("b.md", "x")])))
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    assert before[0]["location"]["path"] == "docs/a.md"
    other = json.loads(gitlab.render(Result([finding(3, "“Triple margin.” is a goal")], [])))
    assert other[0]["fingerprint"] != before[0]["fingerprint"]


def test_json_format_is_versioned_and_keeps_paths_as_given(project: Path, cli: Any) -> None:
    data = findings_json(cli, project, "docs/strategy.md", "./docs/typo.md")
    assert data["version"] == 1
    assert {f["path"] for f in data["findings"]} == {"docs/strategy.md", "./docs/typo.md"}
    assert data["summary"]["files"] == 2
    assert data["errors"] == [
        {"path": "./docs/typo.md", "line": 1, "message": data["errors"][0]["message"]}
    ]


# -- the composite GitHub Action ------------------------------------------------------------


def _action_step(step_id: str) -> dict[str, Any]:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    (step,) = [s for s in action["runs"]["steps"] if s.get("id") == step_id]
    return step | {"inputs": action["inputs"]}


def _expand(value: str, inputs: dict[str, str]) -> str:
    """GitHub expression substitution for the two forms action.yml uses."""
    value = value.replace("${{ github.action_path }}", str(ROOT))
    return re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs[m.group(1)], value)


def run_action(workspace: Path, **given: str) -> tuple[subprocess.CompletedProcess[str], str]:
    """Run the action's lint step as a runner would: inputs with defaults, expressions
    expanded, `bash --noprofile --norc -eo pipefail`, GITHUB_OUTPUT a file. The install step
    is stood in for by the test's own environment (STRATLINT_BIN)."""
    step = _action_step("lint")
    inputs = {k: str(v.get("default", "")) for k, v in step["inputs"].items()}
    inputs.update({k.replace("_", "-"): v for k, v in given.items()})
    out = workspace / "github_output"
    out.write_text("")
    env = {k: _expand(str(v), inputs) for k, v in step["env"].items()}
    import os
    import sys

    env.update(
        PATH=os.environ["PATH"],
        GITHUB_OUTPUT=str(out),
        NO_COLOR="1",
        STRATLINT_BIN=str(Path(sys.executable).with_name("stratlint")),
    )
    script = workspace / "step.sh"
    script.write_text(step["run"])
    cwd = workspace / _expand(step["working-directory"], inputs)
    r = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return r, out.read_text()


def test_action_annotates_writes_sarif_and_fails_the_step(
    tmp_path: Path, sarif_validator: Any
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "strategy.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "notes.md").write_text(BAD, encoding="utf-8")  # outside `paths`
    r, outputs = run_action(
        tmp_path, paths="docs", sarif_file="stratlint.sarif", args="--select S101 --no-config"
    )
    assert r.returncode == 1, r.stderr
    assert r.stdout.startswith("::error file=docs/strategy.md,line=3,col=1,")
    assert "title=S101 goal-as-strategy::" in r.stdout and len(r.stdout.splitlines()) == 1
    assert "exit-code=1" in outputs
    sarif = json.loads((tmp_path / "stratlint.sarif").read_text(encoding="utf-8"))
    assert not list(sarif_validator.iter_errors(sarif))
    assert [res["ruleId"] for res in sarif["runs"][0]["results"]] == ["S101"]


def test_action_passes_on_clean_docs_and_inputs_cannot_inject_shell(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "strategy.md").write_text(BAD, encoding="utf-8")
    r, outputs = run_action(
        tmp_path, paths="docs", fail_on="error", args="--no-config --select S106"
    )
    assert r.returncode == 0 and r.stdout == "" and "exit-code=0" in outputs
    r, _ = run_action(tmp_path, paths="docs; touch pwned $(touch pwned2)", args="--no-config")
    assert r.returncode == 2
    assert not (tmp_path / "pwned").exists() and not (tmp_path / "pwned2").exists()
