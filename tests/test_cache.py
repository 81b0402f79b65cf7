"""The result cache (SPEC §7): a document is linted again only when its content, the configuration,
stratlint or its rule data changed, or a file its links depend on changed; a fully cached run
gives the same output and never imports spaCy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import CROSS_FILE_STRATEGY

from stratlint.run.cache import Cache
from stratlint.run.engine import lint_files
from stratlint.settings import Settings

STRATEGY = CROSS_FILE_STRATEGY

PLAN = """\
---
strategy: ../strategy/fy27.md#where-we-play
---
# Ohio plan

## Actions

- Install retrofit kits in weekend windows at 15 food factories (Owner: Jordan, due 31 March).
  KPI: 10 kits.

Resources: 2 AEs, $35k demo budget.
"""

SERVES_BOTH = PLAN.replace(
    "Resources:",
    "- Sign 3 MRO distributors for small plants (Owner: "
    "Aisha, due 30 April). KPI: 3 signed.\n\nResources:",
)


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def _lint(
    root: Path, cache_dir: Path | None, settings: Settings | None = None
) -> tuple[list[tuple[str, int, str]], int]:
    """(path, line, rule) of every finding, and how many documents came from the cache."""
    settings = settings or Settings(root=root)
    old = os.getcwd()
    os.chdir(root)
    try:
        cache = Cache.open(settings, cache_dir) if cache_dir else None
        run = lint_files(["."], settings, jobs=1, cache=cache)
    finally:
        os.chdir(old)
    return [(f.path, f.line, f.rule) for f in run.result.findings], run.cached


def _project(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "repo"
    _write(root, {"strategy/fy27.md": STRATEGY, "plans/ohio.md": PLAN})
    return root, tmp_path / "cache"


def test_a_second_run_reuses_every_document_and_finds_the_same(tmp_path):
    root, cache = _project(tmp_path)
    first, hits1 = _lint(root, cache)
    second, hits2 = _lint(root, cache)
    assert (hits1, hits2) == (0, 2)
    assert second == first
    assert first == _lint(root, None)[0]


def test_the_cache_folder_ignores_itself_for_git(tmp_path):
    root, cache = _project(tmp_path)
    _lint(root, cache)
    assert (cache / ".gitignore").read_text().strip().endswith("*")
    assert list((cache / "v2").glob("*.json"))


def test_editing_a_strategy_relints_the_plans_that_link_to_it(tmp_path):
    root, cache = _project(tmp_path)
    before, _ = _lint(root, cache)
    assert ("plans/ohio.md", 2, "P207") not in before
    # The anchor the plan links to disappears: the plan's cached result no longer holds.
    (root / "strategy/fy27.md").write_text(STRATEGY.replace("## Where we play", "## Markets"))
    after, hits = _lint(root, cache)
    assert ("plans/ohio.md", 2, "P207") in after
    assert hits == 0


def test_deleting_a_linked_strategy_relints_the_plan(tmp_path):
    root, cache = _project(tmp_path)
    _lint(root, cache)
    (root / "strategy/fy27.md").unlink()
    after, _ = _lint(root, cache)
    assert ("plans/ohio.md", 2, "P207") in after


def test_editing_a_plan_relints_the_strategy_it_serves(tmp_path):
    root, cache = _project(tmp_path)
    before, _ = _lint(root, cache)
    distributor = STRATEGY.splitlines().index("## Distributor-led selling in small plants") + 1
    assert ("strategy/fy27.md", distributor, "A301") in before
    (root / "plans/ohio.md").write_text(SERVES_BOTH)
    after, hits = _lint(root, cache)
    assert ("strategy/fy27.md", distributor, "A301") not in after
    assert hits == 0


def test_a_new_plan_linking_to_a_strategy_relints_it(tmp_path):
    root, cache = _project(tmp_path)
    _lint(root, cache)
    _write(root, {"plans/more.md": SERVES_BOTH})
    distributor = STRATEGY.splitlines().index("## Distributor-led selling in small plants") + 1
    after, hits = _lint(root, cache)
    assert ("strategy/fy27.md", distributor, "A301") not in after
    assert hits == 1  # only the plan that did not change


def test_a_configuration_change_is_a_miss(tmp_path):
    root, cache = _project(tmp_path)
    everything, _ = _lint(root, cache)
    only_p2, hits = _lint(root, cache, Settings(root=root, select=("P205", "P207")))
    assert hits == 0
    assert only_p2 == [f for f in everything if f[2] in ("P205", "P207")]


def test_a_damaged_entry_is_a_miss_not_an_error(tmp_path):
    root, cache = _project(tmp_path)
    first, _ = _lint(root, cache)
    for entry in (cache / "v2").glob("*.json"):
        entry.write_text("{not json")
    again, hits = _lint(root, cache)
    assert (again, hits) == (first, 0)


def test_cached_findings_equal_fresh_ones_field_by_field(tmp_path):
    root, cache = _project(tmp_path)
    settings = Settings(root=root)
    os.chdir(root)
    try:
        fresh = lint_files(["."], settings, jobs=1, cache=Cache.open(settings, cache)).result
        cached = lint_files(["."], settings, jobs=1, cache=Cache.open(settings, cache))
    finally:
        os.chdir(tmp_path)
    assert cached.cached == 2
    assert cached.result.findings == fresh.findings
    assert cached.result.errors == fresh.errors


def _cli(
    root: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        timeout=300,
    )


def test_a_fully_cached_run_prints_the_same_and_never_imports_spacy(tmp_path):
    root, _ = _project(tmp_path)
    (root / ".git").mkdir()
    first = _cli(root, "-m", "stratlint.cli", "--format", "json", ".")
    assert (root / ".stratlint_cache" / ".gitignore").is_file()
    second = _cli(root, "-X", "importtime", "-m", "stratlint.cli", "--format", "json", ".")
    assert second.stdout == first.stdout and second.returncode == first.returncode
    assert json.loads(second.stdout)["findings"]
    imported = {
        line.split("|")[-1].strip()
        for line in second.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert {"stratlint.run.engine", "stratlint.run.cache"} <= imported
    assert not {m for m in imported if m == "spacy" or m.startswith(("spacy.", "thinc"))}


def test_no_cache_neither_reads_nor_writes_a_cache(tmp_path):
    root, _ = _project(tmp_path)
    out = _cli(root, "-m", "stratlint.cli", "--no-cache", "--format", "json", ".")
    assert json.loads(out.stdout)["findings"]
    assert not (root / ".stratlint_cache").exists()


def test_the_cache_folder_can_be_chosen_by_option_or_environment(tmp_path):
    root, _ = _project(tmp_path)
    _cli(root, "-m", "stratlint.cli", "--cache-dir", str(tmp_path / "c1"), ".")
    _cli(root, "-m", "stratlint.cli", ".", env={"STRATLINT_CACHE_DIR": str(tmp_path / "c2")})
    assert list((tmp_path / "c1" / "v2").glob("*.json"))
    assert list((tmp_path / "c2" / "v2").glob("*.json"))
    assert not (root / ".stratlint_cache").exists()


def test_entries_of_files_not_in_the_run_are_kept_until_the_file_is_gone(tmp_path):
    root, cache = _project(tmp_path)
    _lint(root, cache)
    settings = Settings(root=root)
    os.chdir(root)
    try:
        lint_files(["plans/ohio.md"], settings, jobs=1, cache=Cache.open(settings, cache))
        assert lint_files(["."], settings, jobs=1, cache=Cache.open(settings, cache)).cached == 2
        (root / "plans" / "ohio.md").unlink()
        lint_files(["strategy/fy27.md"], settings, jobs=1, cache=Cache.open(settings, cache))
    finally:
        os.chdir(tmp_path)
    (pack,) = (cache / "v2").glob("*.json")
    paths = {e["path"] for e in json.loads(pack.read_text())["entries"].values()}
    assert paths == {"strategy/fy27.md"}


def test_the_rule_data_stamped_is_the_rule_data_the_linter_loads():
    """A change to the rule data (lexicons, patterns, the trained models and their thresholds)
    changes every key: the stamp reads the folder the linter reads its data from. It used to read
    a folder beside the cache module that does not exist, so a retrained model kept old findings."""
    from stratlint import lexicon
    from stratlint.run import cache

    assert cache.rules_dir() == lexicon.data_dir()
    assert (cache.rules_dir() / "models" / "thresholds.yaml").is_file()
