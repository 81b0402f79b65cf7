"""`stratlint eval --bank`: the shipped models' genres, classes and real-page noise on the frozen
test sources and on the evaluation organisations, as text (the figures: `stratlint.run.bank`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from stratlint.run.bank import confusion, load_split, measure_frozen, page_noise
from stratlint.understand.learn.models import CLASSES, GENRES


def render_bank(corpus: Path) -> str:
    """Genres, classes and real-page noise on the frozen test sources, with the shipped models."""
    from stratlint.understand.learn import models

    split = load_split(corpus)
    frozen = set(split.get("test") or ())
    m = models.get()
    lines = ["", f"bank: test sources {', '.join(sorted(frozen))}"]
    if m is None:
        return "\n".join(lines + ["  no trained models shipped: run tools/train.py"]) + "\n"
    res = measure_frozen(corpus, m)
    lines += _table("section genre", res["genre"], GENRES)
    lines += _table(
        "section genre as the rules use it (the non-material genres pooled)",
        collapse(res["genre"], MATERIAL_GENRES, "neither"),
        (*MATERIAL_GENRES, "neither"),
    )
    lines += _table("statement class", res["class"], CLASSES)
    lines += _table(
        "statement class, below-threshold read as CONTEXT", res["class_with_thresholds"], CLASSES
    )
    lines.append("")
    lines.append("kind confirmed by content (§8.9): hinted / material / confirmed / right")
    for kind, g in res["gate"].items():
        lines.append(
            f"  {kind:<9} {g['hinted']:>4} {g['material']:>4} {g['confirmed']:>4} "
            f"{g['right']:>4}  precision {g['precision']}  recall {g['recall']}"
        )
    report = corpus.parent / "rules" / "models" / "report.json"
    if report.exists():
        rep = json.loads(report.read_text())
        rot = rep["rotation"]
        lines.append("")
        lines.append(
            f"rotation over the training sources (each left out in turn): genre accuracy "
            f"{rot['genre']['accuracy']}, class macro-F1 {rot['class']['macro_f1']}"
        )
        dom = rep.get("domain")
        if dom:
            lines.append(
                f"section domain, rotated over {dom['real_sections']} real pages' sections: "
                f"{dom['technical_vetoed']} of {dom['technical']} technical vetoed, "
                f"{dom['business_vetoed']} of {dom['business']} business "
                f"(accuracy {dom['confusion']['accuracy']})"
            )
    lines += _evaluation_lines(corpus, m, len(split.get("evaluate") or ()))
    noise = page_noise(corpus, frozen)
    lines.append("")
    lines.append(
        f"real pages of the test sources: {noise['pages']} pages, {noise['findings']} "
        f"error+warning findings; {noise['neither_per_page']} per page on the "
        f"{noise['neither_pages']} pages that are neither strategy nor plan, "
        f"{noise['material_per_page']} on the {noise['material_pages']} others; "
        f"{noise['in_non_material_sections']} in sections labelled neither"
    )
    return "\n".join(lines) + "\n"


MATERIAL_GENRES = ("strategy", "plan", "goals", "mixed")


def _evaluation_lines(corpus: Path, m: Any, sources: int) -> list[str]:
    """The shipped models on the `evaluate` sources of split.yaml: the genre model was never
    fitted on them; the class model was, so its figures are the rotation's (each organisation
    predicted by a model not fitted on it, `rules/models/report.json`)."""
    if not sources:
        return []
    h = measure_frozen(corpus, m, "evaluate")
    mat = collapse(h["genre"], MATERIAL_GENRES, "neither")
    report = corpus.parent / "rules" / "models" / "report.json"
    cls = json.loads(report.read_text()).get("evaluate_class_rotated") if report.exists() else None
    lines = [
        "",
        f"evaluation sources ({sources} organisations' real pages, labelled; genres never "
        f"fitted): genre accuracy {h['genre']['accuracy']} (as the rules use it "
        f"{mat['accuracy']})",
    ]
    if cls:
        lines[-1] += f", class macro-F1 {cls['macro_f1']} (n={cls['n']}, each left out)"
        lines += _table("statement class on the evaluation sources, each left out", cls, CLASSES)
    for kind, g in h["gate"].items():
        lines.append(
            f"  gate {kind:<9} {g['hinted']:>4} {g['material']:>4} {g['confirmed']:>4} "
            f"{g['right']:>4}  precision {g['precision']}  recall {g['recall']}"
        )
    return lines


def collapse(conf: dict[str, Any], keep: tuple[str, ...], rest: str) -> dict[str, Any]:
    """The confusion `conf` with every label outside `keep` pooled into `rest`: the rules only
    ask whether a section is strategy, plan or goals material, not which other genre it is."""

    def pool(label: str) -> str:
        return label if label in keep else rest

    rows = [
        (pool(g), pool(p))
        for g, preds in conf["matrix"].items()
        for p, n in preds.items()
        for _ in range(n)
    ]
    return confusion(rows, (*keep, rest))


def _table(title: str, conf: dict[str, Any], labels: tuple[str, ...]) -> list[str]:
    corner = "gold / pred"
    out = [
        "",
        f"{title}: n={conf['n']} accuracy {conf['accuracy']} macro-F1 {conf['macro_f1']}",
        f"  {corner:<15}"
        + "".join(f"{lab[:6]:>7}" for lab in labels)
        + f"{'prec':>7}{'recall':>7}{'f1':>7}",
    ]
    for lab in labels:
        row = conf["matrix"][lab]
        per = conf["per_label"][lab]
        if not per["n"] and not any(conf["matrix"][g][lab] for g in labels):
            continue
        out.append(
            f"  {lab:<15}"
            + "".join(f"{row[x]:>7}" for x in labels)
            + f"{per['p']:>7.2f}{per['r']:>7.2f}{per['f1']:>7.2f}"
        )
    return out
