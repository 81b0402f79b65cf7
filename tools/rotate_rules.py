#!/usr/bin/env python3
"""Rule figures on the training sources, each source linted by models not fitted on it.

    python tools/rotate_rules.py            # every training source of the corpus, pooled
    python tools/rotate_rules.py --show     # also every miss and false alarm

`stratlint eval corpus --group train` lints the training sources with the shipped models, which
were fitted on them: its figures flatter. The frozen test sources must not be used to choose
between two versions of a feature or a setting (SPEC §6). This is the instrument for that choice:
for each source of the corpus's training group (a writer), the three models are fitted on the
bank's training examples without that source (tools/train.py's settings), and the source's
documents are linted with them and scored against `corpus/expected.jsonl`. The thresholds are the
shipped ones (chosen on the leave-one-source-out rotation, so a held-out source's own examples
took part in them, but no model that lints it saw them). A source with no labels in the bank
(the rule-tuning writers of split.yaml `tune`) was never fitted on: the shipped models lint it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import train  # noqa: E402

from stratlint import catalog, lexicon  # noqa: E402
from stratlint.run import evaluate as ev  # noqa: E402
from stratlint.run.bank import examples, load_split  # noqa: E402
from stratlint.understand.learn import models as learned  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--show", action="store_true", help="list every miss and false alarm")
    args = ap.parse_args()
    corpus = ROOT / "corpus"
    split = load_split(corpus)
    gx, sx = examples(corpus)
    train_g, train_s, train_t = train.training_sets(split, gx, sx)  # as tools/train.py fits
    thresholds = lexicon.load_yaml(lexicon.data_dir() / "models" / "thresholds.yaml") or {}
    docs = ev.documents(corpus, None, "train")
    sources = sorted({ev.source_of(d) for d in docs})
    pooled = ev.Report(str(corpus), "train (rotated)", len(docs), sources=sources)
    for rid in catalog.rules():
        pooled.rules[rid] = ev.RuleScore()
    fitted = {e.source for e in train_g} | {e.source for e in train_s} | {e.source for e in train_t}
    for src in sources:
        folder = _folder(docs, src)
        if src in fitted:
            genre = train._fit("genre", [e for e in train_g if e.source != src])
            cls = train._fit("class", [e for e in train_s if e.source != src])
            tags = train._fit("tags", [e for e in train_t if e.source != src])
            held = learned.Models(genre, cls, tags, thresholds)
        else:
            held = learned.get()  # no labels of its own: the shipped models never saw it
        original = learned.get
        learned.get = lambda held=held: held  # type: ignore[assignment]
        try:
            report = ev.evaluate(corpus, split=folder)
        finally:
            learned.get = original
        _keep(pooled, report, src)
        s = ev.by_source(pooled)[src]
        print(f"{src}: P {s.precision:.2f} R {s.recall:.2f} F1 {s.f1:.2f}", flush=True)
    print(ev.render_text(pooled, show=args.show))
    return 0


def _folder(docs: list[str], src: str) -> str:
    """The folder that holds the documents of `src` (one folder a source: `dev`,
    `written/w4-harbor`)."""
    folders = {d.rsplit("/", 1)[0] for d in docs if ev.source_of(d) == src}
    if len(folders) != 1:
        raise SystemExit(f"{src}: documents in {len(folders)} folders: {sorted(folders)}")
    return folders.pop()


def _keep(into: ev.Report, report: ev.Report, src: str) -> None:
    """Add what `report` found in the documents of `src` to `into`."""
    mine = [m for m in report.matched if ev.source_of(m[0]) == src]
    misses = [m for m in report.misses if ev.source_of(m[0]) == src]
    alarms = [f for f in report.false_alarms if ev.source_of(f[0]) == src]
    for _, rule in mine:
        into.rules.setdefault(rule, ev.RuleScore()).tp += 1
    for _, _, rule in misses:
        into.rules.setdefault(rule, ev.RuleScore()).fn += 1
    for _, _, rule, _ in alarms:
        into.rules.setdefault(rule, ev.RuleScore()).fp += 1
    into.matched += mine
    into.misses = sorted(into.misses + misses)
    into.false_alarms = sorted(into.false_alarms + alarms)
    into.errors += [e for e in report.errors if src in e]


if __name__ == "__main__":
    raise SystemExit(main())
