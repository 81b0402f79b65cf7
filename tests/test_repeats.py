"""Work kept for statements seen before (scores of a feature set, the hand classifier's verdict)
gives exactly what computing it afresh gives."""

from __future__ import annotations

import random
from pathlib import Path

from stratlint.model import Kind
from stratlint.read.parse import parse
from stratlint.understand import classify as classify_module
from stratlint.understand.classify import classify
from stratlint.understand.learn.linear import LinearModel
from stratlint.understand.nlp import analyse


def _plain_scores(m: LinearModel, features: list[str]) -> list[float]:
    out = list(m.bias)
    for f in sorted(f for f in set(features) if f in m.weights):
        for i, x in enumerate(m.weights[f]):
            out[i] += x
    return out


def test_kept_scores_are_bit_identical_to_fresh_ones() -> None:
    rng = random.Random(7)
    names = [f"f{i}" for i in range(40)]
    weights = {f: [rng.uniform(-3, 3) for _ in range(5)] for f in names}
    m = LinearModel(("a", "b", "c", "d", "e"), (0.1, -0.2, 0.3, 0.0, 1e-9), weights)
    sets = [rng.sample([*names, "unknown"], rng.randint(0, 20)) for _ in range(50)]
    for features in sets + sets + [list(reversed(s)) for s in sets]:
        assert m.scores(features) == _plain_scores(m, features), features
        assert m.scores(features) is not m.scores(features)  # callers may change the list


def test_a_repeated_statement_gets_the_verdict_it_would_get_afresh() -> None:
    text = (
        "## Strategy\n\nWe win mid-market logistics firms because we cut their fuel costs.\n\n"
        "- Make 50 cold calls per rep every day.\n\n## Plan\n\n"
        "- Make 50 cold calls per rep every day.\n\n"
        "We win mid-market logistics firms because we cut their fuel costs.\n"
    )
    doc = parse(text, "repeats.md")
    signals = analyse([s.text for s in doc.statements])
    for kind in (Kind.STRATEGY, Kind.PLAN, Kind.OTHER):
        for st in doc.statements:
            classify_module._SEEN.clear()
            fresh = classify(st, signals[st.index], kind)
            again = classify(st, signals[st.index], kind)
            other_sig = analyse([st.text])[0]  # equal signals, another object
            assert again == fresh
            assert classify(st, other_sig, kind) == fresh


def test_a_loaded_model_scores_and_reads_as_the_one_saved(tmp_path: Path) -> None:
    """A loaded model keeps its weights as the .npy matrix (rows made into lists only when
    asked) and scores with a running sum over it: the same floats as the plain loop."""
    rng = random.Random(15)
    names = [f"f{i:02d}" for i in range(60)]
    for labels in (("a", "b"), ("a", "b", "c", "d"), tuple("abcdefghijk")):
        weights = {f: [rng.uniform(-3, 3) for _ in labels] for f in names}
        saved = LinearModel(labels, tuple(rng.uniform(-1, 1) for _ in labels), weights)
        saved.save(tmp_path / "m")
        m = LinearModel.load(tmp_path / "m")
        assert m == saved and dict(m.weights.items()) == weights and "zz" not in m.weights
        for _ in range(100):
            features = rng.sample([*names, "unknown"], rng.randint(0, 40))
            if len(labels) <= 8:
                assert m.scores(features) == _plain_scores(m, features), features
            assert m.scores(features) == saved.scores(features), features
            assert m.explain(features, "a") == saved.explain(features, "a")
