"""The labelled bank as training and test examples, and the figures of a model on them.

Every labelled section and statement of `corpus/bank/{sections,statements}.jsonl` is matched to
the parser's unit and turned into features by the same code the linter runs
(`analysis.section_inputs`, `analysis.statement_inputs`), with the hand classifier alone. Used by
the training command (tools/train.py) and by `stratlint eval --bank`.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stratlint.understand.learn.linear import LinearModel, argmax
from stratlint.understand.learn.models import CLASSES, GENRES, MATERIAL


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def load_split(corpus: Path) -> dict[str, Any]:
    import yaml

    split: dict[str, Any] = yaml.safe_load(
        (corpus / "bank" / "split.yaml").read_text(encoding="utf-8")
    )
    return split


@dataclass
class Example:
    source: str
    path: str
    features: list[str]
    label: str
    tags: tuple[str, ...] = ()
    hint: str = "other"  # the section's kind hint (genres) or its section's hint (statements)
    line: int = 0  # where the unit starts in its document


def _labels_by_path(corpus: Path) -> dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]]:
    """The bank's section and statement labels, by the path of the document they are in."""
    by_path: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = defaultdict(
        lambda: ([], [])
    )
    for r in load_jsonl(corpus / "bank" / "sections.jsonl"):
        by_path[r["path"]][0].append(r)
    for r in load_jsonl(corpus / "bank" / "statements.jsonl"):
        by_path[r["path"]][1].append(r)
    return by_path


def read_labelled(file: Path, path: str) -> tuple[Any, Any, Any, dict[int, int], list[str]]:
    """A labelled page read as the models' training reads it (the hand classifier alone): its
    Document, signals, Analysis, section index by heading line, and page-level inputs."""
    from stratlint.read.parse import parse
    from stratlint.understand.analysis import analyse_document
    from stratlint.understand.inputs import document_inputs
    from stratlint.understand.nlp import analyse

    doc = parse(file.read_text(encoding="utf-8", errors="replace"), path)
    signals = analyse([s.text for s in doc.statements])
    a = analyse_document(doc, signals, use_models=False)
    sec_at = {s.line: s.index for s in doc.sections}
    return doc, signals, a, sec_at, document_inputs(doc, signals, a.verdicts, a.heading_kinds)


def examples(corpus: Path) -> tuple[list[Example], list[Example]]:
    from stratlint.understand.inputs import section_inputs, statement_inputs

    by_path = _labels_by_path(corpus)
    gx: list[Example] = []
    sx: list[Example] = []
    missing = 0
    for path in sorted(by_path):
        file = corpus / path
        if not file.exists():
            missing += len(by_path[path][0]) + len(by_path[path][1])
            continue
        doc, signals, a, sec_at, doc_inputs = read_labelled(file, path)
        st_at = {(st.line, " ".join(st.text.split())): st.index for st in doc.statements}
        for r in by_path[path][0]:
            idx = sec_at.get(r["line"], 0 if r["line"] == 1 else None)
            if idx is None:
                missing += 1
                continue
            feats = section_inputs(
                doc, signals, a.verdicts, a.heading_kinds, a.hints, idx, doc_inputs=doc_inputs
            )
            gx.append(
                Example(
                    r["source"], path, feats, r["genre"], hint=a.hints[idx].value, line=r["line"]
                )
            )
        for r in by_path[path][1]:
            i = st_at.get((r["line"], r["text"]))
            if i is None or i not in a.verdicts:
                missing += 1
                continue
            feats = statement_inputs(doc, signals, a.verdicts, a.hints, a.parents, i)
            sx.append(
                Example(
                    r["source"],
                    path,
                    feats,
                    r["class"],
                    tuple(r["tags"]),
                    a.hints[doc.statements[i].section].value,
                    line=r["line"],
                )
            )
    if missing:
        print(f"note: {missing} labelled units no longer match the parser's units", file=sys.stderr)
    return gx, sx


def confusion(rows: list[tuple[str, str]], labels: tuple[str, ...]) -> dict[str, Any]:
    m = {a: {b: 0 for b in labels} for a in labels}
    for gold, pred in rows:
        if gold in m and pred in m[gold]:
            m[gold][pred] += 1
    per: dict[str, Any] = {}
    f1s = []
    for lab in labels:
        tp = m[lab][lab]
        fp = sum(m[g][lab] for g in labels) - tp
        fn = sum(m[lab].values()) - tp
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per[lab] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "n": tp + fn}
        if tp + fn:
            f1s.append(f)
    acc = sum(m[a][a] for a in labels) / max(1, len(rows))
    return {
        "n": len(rows),
        "accuracy": round(acc, 3),
        "macro_f1": round(sum(f1s) / max(1, len(f1s)), 3),
        "per_label": per,
        "matrix": m,
    }


def measure(
    genre_model: LinearModel,
    class_model: LinearModel,
    thresholds: dict[str, Any],
    gx: list[Example],
    sx: list[Example],
) -> dict[str, Any]:
    """Figures of the fitted models on held-out examples: genres, classes, and the gate."""
    g_rows = [(e.label, argmax(genre_model.proba(e.features), GENRES)[0]) for e in gx]
    c_rows = [(e.label, argmax(class_model.proba(e.features), CLASSES)[0]) for e in sx]
    gate: dict[str, Any] = {}
    for kind, material in MATERIAL.items():
        hinted = [e for e in gx if e.hint == kind]
        thr = thresholds["genre"][kind]
        kept = [e for e in hinted if sum(genre_model.proba(e.features)[g] for g in material) >= thr]
        right = sum(1 for e in kept if e.label in material)
        true = sum(1 for e in hinted if e.label in material)
        gate[kind] = {
            "hinted": len(hinted),
            "material": true,
            "confirmed": len(kept),
            "right": right,
            "precision": round(right / len(kept), 3) if kept else None,
            "recall": round(right / true, 3) if true else None,
        }
    confident = []
    for e in sx:
        p = class_model.proba(e.features)
        c, pc = argmax(p, CLASSES)
        if pc < thresholds["class"].get(c, 0.0):
            c = "CONTEXT"
        confident.append((e.label, c))
    by_source: dict[str, Any] = {}
    for src in sorted({e.source for e in gx} | {e.source for e in sx}):
        gs = [
            (e.label, argmax(genre_model.proba(e.features), GENRES)[0])
            for e in gx
            if e.source == src
        ]
        cs = [
            (e.label, argmax(class_model.proba(e.features), CLASSES)[0])
            for e in sx
            if e.source == src
        ]
        by_source[src] = {
            "genre_accuracy": round(sum(a == b for a, b in gs) / len(gs), 3) if gs else None,
            "genre_n": len(gs),
            "class_accuracy": round(sum(a == b for a, b in cs) / len(cs), 3) if cs else None,
            "class_n": len(cs),
        }
    return {
        "genre": confusion(g_rows, GENRES),
        "class": confusion(c_rows, CLASSES),
        "class_with_thresholds": confusion(confident, CLASSES),
        "gate": gate,
        "by_source": by_source,
    }


def page_noise(corpus: Path, sources: set[str]) -> dict[str, Any]:
    """Error and warning findings per real page of `sources`, for pages that are neither strategy
    nor plan material (no section labelled strategy, plan, goals or mixed) and for the others, and
    the findings that fall in a section labelled as something else (false alarms by §8.9)."""
    from dataclasses import replace as _replace

    from stratlint.read.files import ReadError, read_text
    from stratlint.run.engine import lint_sources
    from stratlint.run.evaluate import source_of
    from stratlint.settings import Settings

    labels = load_jsonl(corpus / "bank" / "sections.jsonl")
    genres: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in labels:
        genres[r["path"]].append((int(r["line"]), r["genre"]))
    pages = sorted(p for p in genres if p.startswith("bank/pages/") and source_of(p) in sources)

    def texts() -> Iterator[tuple[str, str | ReadError]]:
        for rel in pages:
            try:
                yield str(corpus / rel), read_text(corpus / rel)
            except ReadError as exc:
                yield str(corpus / rel), exc

    result = lint_sources(texts(), _replace(Settings(), root=corpus))
    material = {"strategy", "plan", "goals", "mixed"}
    counts = {"neither": [0, 0], "material": [0, 0]}  # [pages, findings]
    kind_of = {}
    for rel in pages:
        kind = "material" if any(g in material for _, g in genres[rel]) else "neither"
        kind_of[rel] = kind
        counts[kind][0] += 1
    outside = 0
    total = 0
    for f in result.findings:
        if f.severity.value not in ("error", "warning"):
            continue
        rel = Path(f.path).resolve().relative_to(corpus).as_posix()
        if rel not in kind_of:
            continue
        total += 1
        counts[kind_of[rel]][1] += 1
        above = [g for line, g in sorted(genres[rel]) if line <= f.line]
        if above and above[-1] not in material:
            outside += 1
    return {
        "pages": len(pages),
        "findings": total,
        "neither_pages": counts["neither"][0],
        "neither_per_page": round(counts["neither"][1] / max(1, counts["neither"][0]), 3),
        "material_pages": counts["material"][0],
        "material_per_page": round(counts["material"][1] / max(1, counts["material"][0]), 3),
        "in_non_material_sections": outside,
    }


def measure_frozen(corpus: Path, m: Any, group: str = "test") -> dict[str, Any]:
    """The shipped models' figures (`measure`) on a group of `split.yaml` that no model was fitted
    on: the frozen test sources, or the `evaluate` sources."""
    frozen = set(load_split(corpus).get(group) or ())
    gx, sx = examples(corpus)
    return measure(
        m.genre,
        m.cls,
        m.thresholds,
        [e for e in gx if e.source in frozen],
        [e for e in sx if e.source in frozen],
    )
