"""The built wheel carries the rule data and works outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT

SEED = "## Sales Strategy\n\nOur strategy is to increase sales by 50% this year.\n"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    if r.returncode != 0:
        pytest.fail(r.stdout + r.stderr)
    (whl,) = out.glob("stratlint-*.whl")
    return whl


def test_wheel_ships_rule_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "stratlint/_rules/catalog/S101.yaml" in names
    assert "stratlint/_rules/lexicons/wordforms.tsv.gz" in names
    assert "stratlint/_rules/patterns.yaml" in names
    assert any(n.endswith("entry_points.txt") for n in names)


def test_installed_wheel_lints_from_another_directory(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "plan.md").write_text(SEED)
    env = dict(os.environ, PYTHONPATH=str(site))
    code = (
        "import json, stratlint; from stratlint.run.engine import lint_text; "
        "print(json.dumps([stratlint.__file__, "
        "[f.rule for f in lint_text(open('plan.md').read(), 'plan.md')]]))"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], cwd=work, env=env, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    where, rules = json.loads(r.stdout)
    assert where.startswith(str(site))
    assert "S101" in rules and "S103" in rules
