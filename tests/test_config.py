"""Configuration: discovery, every key, strict decoding with file and line, and its effect on
findings. Most tests call `load_settings` in process; a few run the real command."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from stratlint import catalog, lint_text
from stratlint.model import Severity
from stratlint.run.config import ConfigError, find_config, load_settings
from stratlint.settings import Settings


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(tmp_path: Path, name: str, text: str) -> list[str]:
    """The problems a config file gives, one 'file:line: message' each."""
    write(tmp_path / name, text)
    with pytest.raises(ConfigError) as info:
        load_settings(Path(name), False, tmp_path)
    return info.value.problems


def rules_found(text: str, settings: Settings, path: str = "<text>") -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in lint_text(text, path=path, config=settings)]


# -- discovery ------------------------------------------------------------------------------


def test_config_is_found_by_walking_up_and_sets_the_project_root(tmp_path: Path) -> None:
    write(tmp_path / ".stratlint.yaml", "fail-on: error\n")
    deep = tmp_path / "docs" / "sales"
    deep.mkdir(parents=True)
    s = load_settings(None, False, deep)
    assert s.fail_on is Severity.ERROR
    assert s.root == tmp_path.resolve()
    assert s.config_path == (tmp_path / ".stratlint.yaml").resolve()


def test_nearest_directory_wins_and_yaml_beats_yml_beats_pyproject(tmp_path: Path) -> None:
    write(tmp_path / ".stratlint.yaml", "fail-on: info\n")
    sub = tmp_path / "sub"
    write(sub / "pyproject.toml", '[tool.stratlint]\nfail-on = "error"\n')
    assert find_config(sub) == sub / "pyproject.toml"
    write(sub / ".stratlint.yml", "fail-on: warning\n")
    assert find_config(sub) == sub / ".stratlint.yml"
    write(sub / ".stratlint.yaml", "fail-on: error\n")
    assert find_config(sub) == sub / ".stratlint.yaml"
    assert find_config(tmp_path) == tmp_path / ".stratlint.yaml"


def test_pyproject_without_a_stratlint_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / ".stratlint.yaml", "fail-on: info\n")
    sub = tmp_path / "pkg"
    write(sub / "pyproject.toml", "[tool.ruff]\nline-length = 100\n# stratlint is used upstairs\n")
    assert find_config(sub) == tmp_path / ".stratlint.yaml"
    assert load_settings(None, False, sub).fail_on is Severity.INFO


def test_pyproject_tool_stratlint_is_read(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        """\
        [project]
        name = "docs"

        [tool.stratlint]
        select = ["S", "plan-without-strategy"]
        severity = { S107 = "warning" }

        [tool.stratlint.options.too-many-priorities]
        max-pillars = 7
        """,
    )
    s = load_settings(None, False, tmp_path)
    assert s.select == ("P201", "S101", "S102", "S103", "S104", "S105", "S106", "S107", "S108")
    assert s.severity == {"S107": Severity.WARNING}
    assert s.options == {"S108": {"max-pillars": 7}}


def test_no_config_ignores_files_and_root_falls_back_to_git_root(tmp_path: Path) -> None:
    write(tmp_path / ".stratlint.yaml", "fail-on: error\n")
    (tmp_path / ".git").mkdir()
    sub = tmp_path / "docs"
    sub.mkdir()
    s = load_settings(None, True, sub)
    assert s == Settings(root=tmp_path.resolve())


def test_without_config_or_git_the_root_is_the_current_directory(tmp_path: Path) -> None:
    assert load_settings(None, False, tmp_path).root == tmp_path.resolve()


def test_config_option_names_any_yaml_or_toml_file(tmp_path: Path) -> None:
    y = write(tmp_path / "ci" / "lint.yaml", "ignore: [S105]\n")
    s = load_settings(Path("ci/lint.yaml"), False, tmp_path)
    assert s.ignore == ("S105",) and s.root == y.parent.resolve()
    write(tmp_path / "ci" / "lint.toml", 'ignore = ["S106"]\n')
    assert load_settings(tmp_path / "ci" / "lint.toml", False, tmp_path).ignore == ("S106",)


def test_missing_config_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="nope.yaml: config file not found"):
        load_settings(Path("nope.yaml"), False, tmp_path)


# -- keys -----------------------------------------------------------------------------------


def test_every_key_is_decoded(tmp_path: Path) -> None:
    write(
        tmp_path / ".stratlint.yaml",
        """\
        select: [S, P2, strategy-without-plan]
        ignore: goal-as-strategy, S105
        severity:
          S107: warning
          P2: info
        fail-on: error
        exclude: [drafts/**]
        per-file-ignores:
          "templates/*.md": [P202, plan-item-missing-deadline]
        sections:
          strategy: [Game board]
          goals: [scoreboard]
        lexicon:
          segments: [cobblers]
          buzzwords: [synergistically aligned]
        options:
          too-many-priorities: {max-pillars: 7}
        report-unused-disables: true
        """,
    )
    s = load_settings(None, False, tmp_path)
    assert set(s.select) == {*(i for i in catalog.rules() if i[0] == "S" or i[:2] == "P2"), "A301"}
    assert s.ignore == ("S101", "S105")
    assert s.severity["S107"] is Severity.WARNING
    assert {k for k, v in s.severity.items() if v is Severity.INFO} == {
        i for i in catalog.rules() if i.startswith("P2")
    }
    assert s.fail_on is Severity.ERROR
    assert "drafts/**" in s.exclude
    assert ("templates/*.md", ("P202", "P203")) in s.per_file_ignores
    assert s.sections == {"strategy": ["game board"], "goals": ["scoreboard"]}
    assert s.lexicon == {"segments": ["cobblers"], "buzzwords": ["synergistically aligned"]}
    assert s.options == {"S108": {"max-pillars": 7}}
    assert s.report_unused_disables is True


def test_empty_config_file_means_defaults(tmp_path: Path) -> None:
    write(tmp_path / ".stratlint.yaml", "# nothing yet\n")
    assert load_settings(None, False, tmp_path) == Settings(
        root=tmp_path.resolve(), config_path=(tmp_path / ".stratlint.yaml").resolve()
    )


def test_globs_are_relative_to_the_config_directory_when_run_from_below(tmp_path: Path) -> None:
    write(tmp_path / ".stratlint.yaml", "exclude: [docs/drafts/*.md]\n")
    sub = tmp_path / "docs"
    sub.mkdir()
    s = load_settings(None, False, sub)
    assert "drafts/*.md" in s.exclude  # the same files, as paths given from docs/


# -- effects on findings --------------------------------------------------------------------


def test_sections_key_adds_heading_words() -> None:
    text = "# Doc\n\n## Game board\n\nIncrease sales by 50% this year.\n"
    assert ("S101", 5) not in rules_found(text, Settings())
    assert ("S101", 5) in rules_found(text, Settings(sections={"strategy": ["game board"]}))


def test_lexicon_key_adds_terms() -> None:
    text = "## Strategy\n\nWe win with cobblers because our glue cuts their repair time in half.\n"
    assert ("S103", 1) in rules_found(text, Settings())
    assert ("S103", 1) not in rules_found(text, Settings(lexicon={"segments": ["cobblers"]}))


def test_rule_option_changes_the_pillar_limit(tmp_path: Path) -> None:
    text = catalog.rules()["S108"].bad[0]
    assert "S108" in {r for r, _ in rules_found(text, Settings())}
    write(tmp_path / ".stratlint.yaml", "options: {S108: {max-pillars: 7}}\n")
    s = load_settings(None, False, tmp_path)
    assert "S108" not in {r for r, _ in rules_found(text, s)}


def test_severity_and_per_file_ignores_apply(tmp_path: Path) -> None:
    write(
        tmp_path / ".stratlint.yaml",
        """\
        severity: {goal-as-strategy: info}
        per-file-ignores: {"legacy/*.md": [S]}
        """,
    )
    s = load_settings(None, False, tmp_path)
    text = "## Sales Strategy\n\nOur strategy is to increase sales by 50% this year.\n"
    found = lint_text(text, path="docs/plan.md", config=s)
    assert [f.severity for f in found if f.rule == "S101"] == [Severity.INFO]
    assert lint_text(text, path="legacy/plan.md", config=s) == []


# -- strict decoding: file and line ---------------------------------------------------------


def test_unknown_key_names_file_line_and_the_nearest_key(tmp_path: Path) -> None:
    (p,) = problems(tmp_path, "c.yaml", "select: [S]\n\nfial-on: error\n")
    assert p.startswith("c.yaml:3: unknown key 'fial-on'")
    assert "did you mean 'fail-on'" in p


def test_unknown_rule_is_reported_at_its_own_line(tmp_path: Path) -> None:
    (p,) = problems(tmp_path, "c.yaml", "select:\n  - S101\n  - S1O2\n")
    assert p.startswith("c.yaml:3: unknown rule or prefix 'S1O2'")


def test_wrong_types_are_errors(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        "c.yaml",
        """\
        select: 101
        fail-on: yes
        severity: {S107: loud}
        exclude: {a: b}
        options: {S108: {max-pillars: "7"}}
        report-unused-disables: "no"
        """,
    )
    lines = [p.split(":")[1] for p in found]
    assert lines == ["1", "2", "3", "4", "5", "6"], found


def test_unknown_kind_lexicon_and_option_are_errors(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        "c.yaml",
        """\
        sections: {strategi: [x]}
        lexicon: {segment: [x]}
        options: {S108: {max_pillars: 7}, S101: {x: 1}}
        """,
    )
    assert [p.split(":", 2)[1] for p in found] == ["1", "2", "3", "3"]
    assert "did you mean 'strategy'" in found[0]
    assert "did you mean 'segments'" in found[1]
    assert "did you mean 'max-pillars'" in found[2]
    assert "S101 has no options" in found[3]


def test_toml_problems_carry_lines_too(tmp_path: Path) -> None:
    found = problems(
        tmp_path,
        "pyproject.toml",
        """\
        [project]
        name = "x"

        [tool.stratlint]
        select = [
          "S",
          "X999",
        ]
        colour = true

        [tool.stratlint.severity]
        S107 = "loud"
        """,
    )
    assert [p.split(":", 2)[:2] for p in found] == [
        ["pyproject.toml", "7"],
        ["pyproject.toml", "9"],
        ["pyproject.toml", "12"],
    ]


def test_invalid_toml_and_yaml_give_their_line(tmp_path: Path) -> None:
    (p,) = problems(tmp_path, "pyproject.toml", '[tool.stratlint]\nselect = ["S"\n')
    assert p.startswith("pyproject.toml:") and "not valid TOML" in p
    (p,) = problems(tmp_path, "c.yaml", "select: [S]\nignore: [S105\nfail-on: error\n")
    assert p.startswith("c.yaml:") and "not valid YAML" in p


def test_duplicate_keys_are_errors(tmp_path: Path) -> None:
    (p,) = problems(tmp_path, "c.yaml", "fail-on: error\nfail-on: info\n")
    assert p == "c.yaml:2: key 'fail-on' is given twice (first at line 1)"


def test_yaml_is_loaded_safely_never_as_objects(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    (p,) = problems(
        tmp_path, "c.yaml", f'select: !!python/object/apply:os.system ["touch {marker}"]\n'
    )
    assert p.startswith("c.yaml:1: not valid YAML")
    assert not marker.exists()


def test_config_that_is_not_a_mapping_is_an_error(tmp_path: Path) -> None:
    (p,) = problems(tmp_path, "c.yaml", "- S101\n")
    assert p == "c.yaml:1: expected a mapping of settings, got a list"


def test_aliases_do_not_blow_up(tmp_path: Path) -> None:
    lol = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lol.append(f"a{i}: &a{i} [{', '.join(['*a' + (str(i - 1) if i > 1 else '')] * 9)}]")
    found = problems(tmp_path, "c.yaml", "\n".join(lol) + "\n")
    assert len(found) <= 20 and all("unknown key" in p for p in found)


# -- through the real command ---------------------------------------------------------------


def test_cli_reports_config_errors_with_file_and_line_and_exits_2(tmp_path: Path, cli) -> None:
    write(tmp_path / ".stratlint.yaml", "select: [S]\nseverity:\n  S1O1: info\n")
    write(tmp_path / "plan.md", "## Sales Strategy\n\nIncrease sales by 50% this year.\n")
    r = cli("plan.md", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.startswith("stratlint: .stratlint.yaml:3: unknown rule or prefix 'S1O1'")
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_cli_discovers_config_upwards_and_flags_override_it(tmp_path: Path, cli) -> None:
    write(tmp_path / "pyproject.toml", '[tool.stratlint]\nignore = ["S"]\n')
    write(
        tmp_path / "docs" / "plan.md",
        "## Sales Strategy\n\nOur strategy is to increase sales by 50% this year.\n",
    )
    r = cli("plan.md", cwd=tmp_path / "docs")
    assert r.returncode == 0, r.stdout + r.stderr
    r = cli("--no-config", "--format", "json", "plan.md", cwd=tmp_path / "docs")
    assert r.returncode == 1 and '"rule": "S101"' in r.stdout


def test_the_documented_config_examples_load(tmp_path: Path) -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "integrations.md").read_text("utf-8")
    blocks = re.findall(r"```(yaml|toml)\n(.*?)```", doc, re.S)
    examples = [
        (lang, body)
        for lang, body in blocks
        if "stratlint" in body and (body.startswith("# .stratlint.yaml") or lang == "toml")
    ]
    assert len(examples) == 2
    for lang, body in examples:
        d = tmp_path / lang
        d.mkdir()
        (d / (".stratlint.yaml" if lang == "yaml" else "pyproject.toml")).write_text(body, "utf-8")
        s = load_settings(None, False, d)
        assert s.fail_on is Severity.ERROR and s.options == {"S108": {"max-pillars": 6}}
