"""`--jobs` (SPEC §4, §7): documents linted in worker processes give the same findings, in the same
order, as one process; small runs stay in one process; workers work under every start method."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stratlint.bench import generate
from stratlint.model import Finding
from stratlint.run import engine, parallel
from stratlint.run.engine import (
    Pool,
    Project,
    check_documents,
    effective_jobs,
    lint_files,
    plan_tasks,
)
from stratlint.settings import Settings


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("docs")
    generate(root, 36, seed=5)  # strategies, plans linking to them (some broken), one-pagers
    (root / "plans" / "bad.md").write_bytes(b"\xff\xfe\x00binary")
    return root


def _run(root: Path, jobs: int, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Finding], list]:
    monkeypatch.setattr(engine, "BATCH", 4)  # many small batches, so workers start
    monkeypatch.chdir(root)
    run = lint_files(["."], Settings(root=root), jobs=jobs)
    assert run.jobs == jobs  # the workers really ran
    return run.result.findings, run.result.errors


def test_findings_are_identical_and_identically_ordered_for_any_number_of_jobs(docs, monkeypatch):
    one = _run(docs, 1, monkeypatch)
    assert len({f.path for f in one[0]}) > 10 and {f.rule for f in one[0]} >= {"P207"}
    assert [e.path for e in one[1]] == ["plans/bad.md"]
    for jobs in (2, 3):
        assert _run(docs, jobs, monkeypatch) == one


def test_workers_build_everything_they_need_under_spawn(docs, monkeypatch):
    monkeypatch.chdir(docs)
    settings = Settings(root=docs)
    items = [
        (str(p.relative_to(docs)), p.read_text(encoding="utf-8"))
        for p in sorted(docs.rglob("*.md"))[:12]
        if p.name != "bad.md"
    ]
    texts = {os.path.realpath(p): (p, t) for p, t in items}
    pool = Pool(texts, docs.resolve(), partial=False)
    tasks = plan_tasks(items, size=3)
    here = [o for t in tasks for o in check_documents(t, Project(settings, texts, pool))]
    there = parallel.run(tasks, settings, texts, pool, 2, method="spawn")
    assert [(o.path, o.findings, o.errors) for o in there] == [
        (o.path, o.findings, o.errors) for o in here
    ]


def test_small_runs_stay_in_one_process():
    assert effective_jobs(8, 1) == 1
    assert effective_jobs(8, 2 * engine.BATCH - 1) == 1
    assert effective_jobs(8, 2 * engine.BATCH) == 2  # no more workers than batches
    assert effective_jobs(1, 10_000) == 1
    assert effective_jobs(None, 10_000) == (os.cpu_count() or 1)


def test_documents_that_link_to_each_other_share_a_batch():
    strategy = ("strategy/fy27.md", "# Strategy\n")
    plans = [(f"plans/p{i}.md", f"Executes [it](../strategy/fy27.md#x) {i}\n") for i in range(3)]
    others = [(f"aaa/o{i}.md", "# Note\n") for i in range(6)]
    tasks = plan_tasks([*others, *plans, strategy], size=4)
    together = [t for t in tasks if strategy in t]
    assert len(together) == 1 and all(p in together[0] for p in plans)
    assert sorted(x for t in tasks for x in t) == sorted([*others, *plans, strategy])


def test_the_last_documents_of_a_run_go_in_quarter_batches():
    """So that no worker is left with a whole batch while the others have nothing left."""
    items = [(f"d{i:04}.md", "# Note\n") for i in range(10 * engine.BATCH + 7)]
    sizes = [len(t) for t in plan_tasks(items)]
    quarter = engine.BATCH // 4
    assert sum(sizes) == len(items)
    assert sizes[:8] == [engine.BATCH] * 8
    assert max(sizes[-8:]) <= quarter and sum(s for s in sizes if s <= quarter) >= 2 * engine.BATCH
    small = [(f"d{i:04}.md", "# Note\n") for i in range(2 * engine.BATCH - 1)]
    assert [len(t) for t in plan_tasks(small)] == [engine.BATCH, engine.BATCH - 1]


def test_a_negative_job_count_is_a_usage_error(cli, tmp_path):
    (tmp_path / "a.md").write_text("# Plan\n")
    out = cli("--jobs", "-1", str(tmp_path / "a.md"))
    assert out.returncode == 2 and "--jobs" in out.stderr
