#!/usr/bin/env python3
"""Print corpus/thresholds.yaml from the current evaluation (floored to two decimals), and say
which figures went down against the file as it is. Review before writing it:

    .venv/bin/python tools/thresholds.py            # show
    .venv/bin/python tools/thresholds.py --write    # replace corpus/thresholds.yaml

Two groups of sources (corpus/bank/split.yaml): `test`, the frozen sources nothing is fitted on,
which is what counts; `train`, the sources rules and models were fitted on (for debugging).
`bank` holds the models' figures and the real-page noise on the test sources.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import yaml

from stratlint.run.bank import measure_frozen, page_noise
from stratlint.run.evaluate import evaluate, frozen_sources
from stratlint.understand.learn import models

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
HEADER = [
    "# Accuracy gate: the suite fails when a figure drops below these.",
    "# Set at what was measured; raise them as rules improve; never lower one without saying why.",
    "# Figures are floored to two decimals (noise is a ceiling, rounded up). `all` pools every",
    "# rule. `test` is the frozen test sources of corpus/bank/split.yaml; `train` the others.",
]


def floor2(x: float) -> float:
    return math.floor(x * 100 + 1e-9) / 100


def ceil2(x: float) -> float:
    return math.ceil(x * 100 - 1e-9) / 100


def bank_figures() -> dict[str, float]:
    m = models.get()
    if m is None:
        return {}
    frozen = frozen_sources(CORPUS)
    res = measure_frozen(CORPUS, m)
    noise = page_noise(CORPUS, set(frozen))
    out = {
        "genre_accuracy": floor2(res["genre"]["accuracy"]),
        "class_macro_f1": floor2(res["class"]["macro_f1"]),
        "neither_per_page_max": ceil2(noise["neither_per_page"]),
    }
    for kind in ("strategy", "plan"):
        p = res["gate"][kind]["precision"]
        if p is not None:
            out[f"{kind}_confirmed_precision"] = floor2(p)
    return out


def main() -> int:
    path = CORPUS / "thresholds.yaml"
    old = yaml.safe_load(path.read_text()) if path.exists() else {}
    lines = list(HEADER)
    for group in ("test", "train"):
        report = evaluate(CORPUS, group=group)
        lines.append(f"{group}:")
        scores = dict(sorted(report.rules.items()))
        scores["all"] = report.overall
        for rid, s in scores.items():
            p, r = floor2(s.precision), floor2(s.recall)
            prev = (old.get(group) or {}).get(rid)
            if prev and (p < prev["precision"] or r < prev["recall"]):
                print(
                    f"lower: {group} {rid} precision {prev['precision']} -> {p}, "
                    f"recall {prev['recall']} -> {r}",
                    file=sys.stderr,
                )
            lines.append(f"  {rid}: {{precision: {p:.2f}, recall: {r:.2f}}}")
    bank = bank_figures()
    if bank:
        lines.append("bank:")
        for k, v in bank.items():
            lines.append(f"  {k}: {v:.2f}")
    text = "\n".join(lines) + "\n"
    if "--write" in sys.argv:
        path.write_text(text)
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
