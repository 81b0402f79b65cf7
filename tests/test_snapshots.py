"""Each corpus document's full text output, kept as a readable snapshot, so a rule change shows as
a diff. Refresh with:
    STRATLINT_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_snapshots.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stratlint.read.files import read_text
from stratlint.report import text
from stratlint.run.engine import lint_sources
from stratlint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
# The written documents (the labelled bank's real pages are measured by tests/test_accuracy.py).
DOCS = sorted(
    p.relative_to(CORPUS).as_posix()
    for d in ("dev", "test", "written")
    for p in (CORPUS / d).rglob("*.md")
)
UPDATE = os.environ.get("STRATLINT_UPDATE_SNAPSHOTS") == "1"


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    settings = Settings(root=CORPUS)
    sources = [(f"corpus/{rel}", read_text(CORPUS / rel)) for rel in DOCS]
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = lint_sources(iter(sources), settings)
    finally:
        os.chdir(cwd)
    out: dict[str, str] = {}
    for rel in DOCS:
        path = f"corpus/{rel}"
        one = type(result)(findings=[f for f in result.findings if f.path == path], files=1)
        out[rel] = text.render(one, {path: dict(sources)[path]})
    return out


@pytest.mark.parametrize("rel", DOCS)
def test_snapshot(rel, outputs):
    snap = SNAPSHOTS / (rel[:-3] + ".txt")
    if UPDATE:
        snap.parent.mkdir(parents=True, exist_ok=True)
        snap.write_text(outputs[rel], encoding="utf-8")
    assert snap.exists(), f"no snapshot for {rel}: run with STRATLINT_UPDATE_SNAPSHOTS=1"
    assert outputs[rel] == snap.read_text(encoding="utf-8")
