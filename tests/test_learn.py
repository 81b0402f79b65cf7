"""The learned layer: the linear model, its fitting, the shipped models, and what they decide."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import run_cli

from stratlint import lint_text
from stratlint.understand.learn import models
from stratlint.understand.learn.fit import fit
from stratlint.understand.learn.joint import JointScorer
from stratlint.understand.learn.linear import LinearModel

ROOT = Path(__file__).resolve().parent.parent


def _rules(text: str) -> list[tuple[str, int]]:
    return sorted((f.rule, f.line) for f in lint_text(text, "doc.md"))


def test_linear_model_round_trips_through_json_and_predicts_the_same():
    m = LinearModel(("A", "B"), (0.1, -0.1), {"x": (1.0, -1.0), "y": (0.25, 0.5)})
    again = LinearModel.from_json(json.loads(json.dumps(m.to_json())))
    for feats in (["x"], ["y", "x", "x"], [], ["unknown"]):
        assert again.proba(feats) == m.proba(feats)
    p = m.proba(["x"])
    assert abs(sum(p.values()) - 1) < 1e-12 and p["A"] > p["B"]


def test_models_scored_at_once_give_each_model_its_own_probabilities_bit_for_bit():
    """Features one model knows and the other does not, repeated, unknown to both, none; a
    softmax model beside a multilabel one; then the shipped class and tag models."""
    a = LinearModel(("A", "B"), (0.1, -0.3), {"x": (1.0, -1.0), "z": (0.7, 0.1), "y": (0.25, 0.5)})
    b = LinearModel(
        ("P", "Q", "R"), (0.2, 0.0, -0.1), {"y": (0.3, -0.2, 0.9), "w": (-0.4, 1e-9, 2)}
    )
    b = LinearModel(b.labels, b.bias, b.weights, multilabel=True)
    joint = JointScorer([a, b])
    for feats in (["x"], ["y", "x", "x"], [], ["unknown"], ["w", "z", "y"], ["w"]):
        assert joint.probas(feats) == [a.proba(feats), b.proba(feats)]
        assert joint.probas(feats) == [a.proba(feats), b.proba(feats)]  # from the memo
    m = models.get()
    assert m is not None and m.tags is not None
    some = sorted(m.cls.weights)[::50] + sorted(m.tags.weights)[::70] + ["hint:plan", "nope"]
    for k in range(0, len(some) - 40, 7):
        feats = some[k : k + 40]
        assert m.statements.probas(feats) == [m.cls.proba(feats), m.tags.proba(feats)]


def test_statements_scored_together_give_what_each_gives_alone_bit_for_bit():
    """`JointScorer.values` sums many statements' rows in one pass, padded to the longest: the
    same floats as one statement's own running sum, for sets long and short, empty, repeated."""
    import random

    from stratlint.understand.learn.joint import summed_sets
    from stratlint.understand.learn.linear import summed_rows

    m = models.get()
    assert m is not None
    _, stack = m.statements._stack
    rng = random.Random(15)
    sets = [
        tuple(sorted(rng.sample(range(1, len(stack) - 1), rng.randint(0, 90)))) for _ in range(300)
    ]
    sets += [(), sets[0], (1,)]
    assert summed_sets(stack, sets) == [summed_rows(stack, r) for r in sets]
    names = sorted(m.cls.weights)[::40] + ["hint:plan", "nope"]
    feats = [names[k : k + rng.randint(0, 30)] for k in range(0, len(names), 3)]
    together = m.statements.values([m.statements.rows(f) for f in feats])
    for f, values in zip(feats, together, strict=True):
        assert [
            dict(zip(x.labels, v, strict=True))
            for x, v in zip((m.cls, m.tags), values, strict=True)
        ] == [
            m.cls.proba(f),
            m.tags.proba(f),  # type: ignore[union-attr]
        ]


def test_a_statements_rows_are_the_rows_of_its_named_inputs():
    """What a run scores (`inputs.statement_rows`, read by parts) is exactly what the models were
    trained on (`inputs.statement_inputs`, by name), for every statement of corpus pages and
    generated documents, read afresh and again from the parts kept."""
    import tempfile

    from stratlint.bench.documents import generate
    from stratlint.read.parse import parse
    from stratlint.understand.analysis import analyse_document
    from stratlint.understand.inputs import statement_inputs, statement_rows
    from stratlint.understand.learn.linear import feature_rows
    from stratlint.understand.learn.rows import StatementRows

    m = models.get()
    assert m is not None
    index = m.statements.index
    with tempfile.TemporaryDirectory() as tmp:
        texts = [p.read_text() for p in generate(Path(tmp), 60)]
    texts += [p.read_text() for p in sorted((ROOT / "corpus" / "dev").rglob("*.md"))[:40]]
    fresh = StatementRows(index)
    for text in texts + texts:
        doc = parse(text, "doc.md")
        a = analyse_document(doc, use_models=False)
        for i in range(len(doc.statements)):
            named = statement_inputs(doc, a.signals, a.verdicts, a.hints, a.parents, i)
            rows = statement_rows(doc, a.signals, a.verdicts, a.hints, a.parents, i, fresh)
            assert rows == feature_rows(index, named), (text, i, named)


def test_a_sections_rows_are_the_rows_of_its_named_inputs():
    """What a run gives the genre and domain models (`inputs.section_rows`: a section's names
    but its words, its statements' word rows, its page's rows) is exactly the rows of what they
    were trained on (`section_inputs`, `domain_inputs`), and scores to the same probabilities."""
    from stratlint.read.parse import parse
    from stratlint.understand.analysis import analyse_document
    from stratlint.understand.inputs import (
        document_inputs,
        domain_inputs,
        own_statements,
        section_inputs,
        section_rows,
    )
    from stratlint.understand.learn.linear import feature_rows
    from stratlint.understand.learn.section_rows import SectionRows

    m = models.get()
    assert m is not None and m.domain is not None
    genre, domain = m.genre, m.domain
    pages = sorted((ROOT / "corpus" / "dev").rglob("*.md"))[:40]
    fresh = SectionRows(genre.row_index, domain.row_index)
    for path in pages + pages:
        doc = parse(path.read_text(), path.name)
        a = analyse_document(doc, use_models=False)
        page = document_inputs(doc, a.signals, a.verdicts, a.heading_kinds)
        page_rows = fresh.of_names(page, domain_inputs(page))
        for sec in doc.sections:
            own = own_statements(doc, sec.index)
            at = (doc, a.signals, a.verdicts, a.heading_kinds, a.hints, sec.index, own)
            names = section_inputs(*at, page)
            g, d = section_rows(*at, page_rows, fresh)
            assert g == tuple(sorted({genre.row_index[f] for f in names if f in genre.row_index}))
            assert d == feature_rows(domain.row_index, domain_inputs(names))
            assert genre.proba_of(genre.scores_of_rows(g)) == genre.proba(names)
            assert domain.proba_of(domain.scores_of_rows(d)) == domain.proba(domain_inputs(names))


def test_fitting_is_deterministic_and_learns_a_separable_signal():
    rows = [["w:grow", "sig:PERCENT"], ["w:call", "sig:DATE"]] * 20 + [["w:grow"], ["w:call"]] * 5
    y = [[1.0, 0.0], [0.0, 1.0]] * 25
    a = fit(rows, y, ("GOAL", "ACTION"), epochs=80)
    b = fit(rows, y, ("GOAL", "ACTION"), epochs=80)
    assert a.to_json() == b.to_json()
    assert a.proba(["w:grow"])["GOAL"] > 0.8 and a.proba(["w:call"])["ACTION"] > 0.8


def test_multilabel_model_gives_each_label_its_own_probability():
    rows = [["a"], ["b"], ["a", "b"], []] * 10
    y = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0]] * 10
    m = fit(rows, y, ("who", "owner"), multilabel=True, epochs=120)
    p = m.proba(["a", "b"])
    assert p["who"] > 0.7 and p["owner"] > 0.7
    assert m.proba([])["who"] < 0.3


def test_shipped_models_load_with_thresholds_for_every_decision():
    m = models.get()
    assert m is not None, "rules/models/ holds no trained models: run tools/train.py"
    assert m.genre.labels == models.GENRES and m.cls.labels == models.CLASSES
    for kind in models.MATERIAL:
        assert 0.0 <= m.genre_threshold(kind) <= 1.01
    for c in models.CLASSES:
        assert 0.0 <= m.class_threshold(c) <= 1.01
    assert m.domain is not None and m.domain.labels == ("business", "technical")
    assert 0.5 <= m.domain_threshold() <= 1.01  # a veto needs a confident technical reading


def test_a_missing_finding_stays_silent_on_a_sign_below_the_tags_sure_threshold():
    # Precision first (§8.9): a "missing …" rule speaks only when the tag model sees next to no
    # sign of what it says is missing; the floor (thresholds.yaml `absence`) sits below the
    # tag's own threshold, and a statement between the two is a sign, not a sure tag.
    from dataclasses import replace

    from stratlint.read.parse import parse
    from stratlint.understand.analysis import analyse_document

    m = models.get()
    assert m is not None
    floors = m.thresholds.get("absence") or {}
    assert floors, "thresholds.yaml has no absence floors"
    for tag, floor in floors.items():
        assert 0.0 < floor < m.thresholds["tags"][tag]
    a = analyse_document(parse("# Strategy\n\nWe sell to dental groups in Ohio.\n"))
    st = a.doc.statements[-1]
    sure = m.thresholds["tags"]["why"]
    between = replace(a, tag_proba={st.index: {"why": (floors["why"] + sure) / 2}})
    assert between.hinted(st, "why") and not between.tagged(st, "why")
    below = replace(a, tag_proba={st.index: {"why": floors["why"] / 2}})
    assert not below.hinted(st, "why") and not below.tagged(st, "why")


def test_inspect_shows_the_probabilities_behind_each_decision():
    out = run_cli(
        "inspect",
        "-",
        input="# Sales strategy\n\nWe sell to regional dental chains "
        "because our scheduling cuts no-shows by a third.\n\nIncrease revenue by 40% "
        "this year.\n",
    )
    assert out.returncode == 0, out.stderr
    assert "genre " in out.stdout and "p — " in out.stdout


def test_a_checklist_under_a_strategy_heading_gets_no_strategy_findings():
    text = """# Weekly prospecting strategy

1. Open Salesforce and go to the Leads tab.
2. Click "My open leads" and sort by last activity.
3. Make sure every lead you touched has a next step.
4. Log each call in the activity panel before you hang up.
5. You should send the follow-up email from the template library.
"""
    assert not [r for r, _ in _rules(text) if r[0] in "SPD"], _rules(text)


def test_a_goal_written_as_the_strategy_is_still_flagged():
    text = """# FY27 sales strategy

We sell to regional hospital groups with 5 to 20 sites, because our scheduling cuts
no-shows by a third and their CFOs track that cost.

We will not sell to single clinics or to national chains.

Increase revenue by 40% this year.
"""
    assert ("S101", 8) in _rules(text), _rules(text)


def test_retraining_from_the_bank_reproduces_the_shipped_models():
    out = subprocess.run(
        [sys.executable, "tools/train.py", "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=1200,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 predictions differ" in out.stdout


def test_the_domain_model_reads_words_not_layout():
    # A short written example and a long real page differ in layout; a business's plan and an
    # engineering plan differ in what they are about. The domain model gets only the latter.
    from stratlint.understand.inputs import domain_inputs

    feats = ["cw:reseller", "hw:plan", "dt:sales", "agg:metrics:hi", "doc_sections:1", "n:3"]
    assert domain_inputs(feats) == ["cw:reseller", "hw:plan", "dt:sales", "agg:metrics:hi"]


def test_inspect_shows_the_domain_probability_of_a_judged_section():
    out = run_cli(
        "inspect",
        "-",
        input="# Q3 partner sales plan\n\n## Plan\n\n- Sign three new reseller agreements in the "
        "Nordics.\n- Launch the partner deal-registration portal.\n- Run two co-selling "
        "webinars with our top resellers.\n",
    )
    assert out.returncode == 0, out.stderr
    assert "; technical 0." in out.stdout and "— confirmed" in out.stdout, out.stdout
