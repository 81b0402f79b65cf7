#!/usr/bin/env python3
"""Print corpus/thresholds.yaml from the current evaluation (floored to two decimals), and say
which figures went down against the file as it is. Review before writing it:

    .venv/bin/python tools/thresholds.py            # show
    .venv/bin/python tools/thresholds.py --write    # replace corpus/thresholds.yaml
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import yaml

from stratlint.evaluate import evaluate

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
HEADER = [
    "# Accuracy gate: the suite fails when a rule scores below these on the corpus.",
    "# Set at what was measured; raise them as rules improve; never lower one without saying why.",
    "# Figures are floored to two decimals. `all` is the pooled score over every rule.",
]


def floor2(x: float) -> float:
    return math.floor(x * 100 + 1e-9) / 100


def main() -> int:
    path = CORPUS / "thresholds.yaml"
    old = yaml.safe_load(path.read_text()) if path.exists() else {}
    lines = list(HEADER)
    for split in ("dev", "test"):
        report = evaluate(CORPUS, split)
        lines.append(f"{split}:")
        scores = dict(sorted(report.rules.items()))
        scores["all"] = report.overall
        for rid, s in scores.items():
            p, r = floor2(s.precision), floor2(s.recall)
            prev = (old.get(split) or {}).get(rid)
            if prev and (p < prev["precision"] or r < prev["recall"]):
                print(f"lower: {split} {rid} precision {prev['precision']} -> {p}, "
                      f"recall {prev['recall']} -> {r}", file=sys.stderr)
            lines.append(f"  {rid}: {{precision: {p:.2f}, recall: {r:.2f}}}")
    text = "\n".join(lines) + "\n"
    if "--write" in sys.argv:
        path.write_text(text)
    else:
        print(text, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
