"""The accuracy gate (SPEC §6): per-rule precision and recall on the labelled corpus must not drop
below the thresholds kept in corpus/thresholds.yaml. Raise them as the rules improve; never lower
one without saying why in the commit message."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from stratlint.evaluate import evaluate, load_expected, render_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
THRESHOLDS = yaml.safe_load((CORPUS / "thresholds.yaml").read_text(encoding="utf-8"))
_REPORTS: dict[str, object] = {}


def _report(split: str):
    if split not in _REPORTS:
        _REPORTS[split] = evaluate(CORPUS, split)
    return _REPORTS[split]


@pytest.mark.parametrize("split", sorted(THRESHOLDS))
def test_every_rule_meets_its_thresholds(split):
    report = _report(split)
    assert not report.errors, report.errors
    failures = []
    for rule, limits in sorted(THRESHOLDS[split].items()):
        score = report.overall if rule == "all" else report.rules[rule]
        if score.precision < limits["precision"] - 1e-9:
            failures.append(f"{rule} precision {score.precision:.2f} < {limits['precision']}")
        if score.recall < limits["recall"] - 1e-9:
            failures.append(f"{rule} recall {score.recall:.2f} < {limits['recall']}")
    assert not failures, "\n".join(failures) + "\n\n" + render_text(report, show=True)


def test_corpus_is_big_enough_and_labels_point_inside_files():
    expected = load_expected(CORPUS)
    docs = sorted(p for p in CORPUS.rglob("*.md"))
    assert len(docs) >= 120
    labelled = {e["path"] for e in expected}
    clean = [d for d in docs if d.relative_to(CORPUS).as_posix() not in labelled]
    assert len(clean) >= 40
    per_rule: dict[str, int] = {}
    for e in expected:
        path = CORPUS / str(e["path"])
        assert path.exists(), e
        lines = path.read_text(encoding="utf-8").count("\n") + 1
        assert 1 <= int(e["line"]) <= lines, e  # type: ignore[call-overload]
        per_rule[str(e["rule"])] = per_rule.get(str(e["rule"]), 0) + 1
    assert len(per_rule) == 19 and min(per_rule.values()) >= 8, per_rule
