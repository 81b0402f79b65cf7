"""The pre-commit hook, proven with the real `pre-commit try-repo` against a temporary git
repository: it fails on a goal written as strategy and passes a clean document.

try-repo installs stratlint from this repository, at its HEAD commit, into a fresh environment
(about 20-30 s per run once pip's cache is warm; it is the only test that builds one). HEAD and
not the working tree: pre-commit's shadow commit of uncommitted changes takes modified tracked
files but not new untracked ones, so half-finished work elsewhere in the tree (a module imported
but not yet added) would break the hook's install for reasons that are not the hook's. In CI the
tree is a clean checkout, and HEAD is the code under test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from stratlint import lint_text
from stratlint.model import Severity
from stratlint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent

BAD = "## Sales Strategy\n\nOur strategy is to increase sales by 50% this year.\n"
CLEAN = """\
# Sales strategy 2026

## The challenge

Incumbents sell generic billing suites that ignore denied claims, the cost hospital CFOs watch most.

## Where we play

US hospitals with 100–500 beds. We will not sell to clinics or to health systems above 500 beds.

## Why us

Hospitals buy from us because our denial analytics cut claim denials within a quarter, a saving
their CFO can verify.
"""


def _pre_commit() -> str | None:
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return shutil.which("pre-commit", path=path)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=60)


def test_hook_fails_on_goal_as_strategy_and_passes_a_clean_file(tmp_path: Path) -> None:
    exe = _pre_commit()
    if exe is None:
        pytest.skip("the pre-commit executable is not installed (pip install pre-commit)")
    # Precondition, checked fast: the clean document really is clean for today's rules.
    blocking = [
        f
        for f in lint_text(CLEAN, path="clean.md", config=Settings())
        if f.severity.rank >= Severity.WARNING.rank
    ]
    assert blocking == [], "the clean fixture now has findings: " + repr(blocking)

    repo = tmp_path / "docs-repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "bad.md").write_text(BAD, encoding="utf-8")
    (repo / "clean.md").write_text(CLEAN, encoding="utf-8")
    _git(repo, "add", "bad.md", "clean.md")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        NO_COLOR="1",
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )

    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()

    def try_repo(*files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                exe,
                "try-repo",
                str(ROOT),
                "stratlint",
                "--ref",
                head,
                "--color",
                "never",
                "--files",
                *files,
            ],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    failed = try_repo("bad.md")
    out = failed.stdout + failed.stderr
    assert failed.returncode == 1, out
    assert "stratlint" in out and "Failed" in out
    assert "bad.md:3:1: S101 [error]" in out

    passed = try_repo("clean.md")
    out = passed.stdout + passed.stderr
    assert passed.returncode == 0, out
    assert "Passed" in out
