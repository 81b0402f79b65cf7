"""The domain labels of the bank (`corpus/bank/domains.jsonl`): is a strategy, plan or goals
section about a business's commercial or organisational work, or about building technology?

SPEC §1 and §8.9: stratlint lints sales documents, and a docs repository also holds engineering
roadmaps, technical proposals and test plans headed "plan" or "strategy". Their sections are
labelled `business`, `technical`, `mixed` (both, substantially) or `neither` (not strategy, plan
or goals material at all) by labellers who read the SPEC and the page, never the linter's output
(corpus/bank/GUIDE.md). The model reads the words and lexicon classes among the section's genre
inputs (`domain_inputs`); `mixed` counts as business (its business part is what the rules are
for) and `neither` is left out (the genre model already decides that).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from stratlint.run.bank import Example, load_jsonl, read_labelled

DOMAINS = ("business", "technical")
_AS = {"business": "business", "mixed": "business", "technical": "technical"}


def domain_examples(corpus: Path) -> list[Example]:
    """One example per labelled section (its genre-model inputs, label business or technical)."""
    from stratlint.understand.inputs import domain_inputs, section_inputs

    by_path: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in load_jsonl(corpus / "bank" / "domains.jsonl"):
        if r["domain"] in _AS:
            by_path[r["path"]].append(r)
    out: list[Example] = []
    missing = 0
    for path in sorted(by_path):
        file = corpus / path
        if not file.exists():
            missing += len(by_path[path])
            continue
        doc, signals, a, sec_at, doc_inputs = read_labelled(file, path)
        for r in by_path[path]:
            idx = sec_at.get(r["line"], 0 if r["line"] == 1 else None)
            if idx is None:
                missing += 1
                continue
            feats = domain_inputs(
                section_inputs(
                    doc, signals, a.verdicts, a.heading_kinds, a.hints, idx, doc_inputs=doc_inputs
                )
            )
            out.append(
                Example(
                    r["source"],
                    path,
                    feats,
                    _AS[r["domain"]],
                    hint=a.hints[idx].value,
                    line=r["line"],
                )
            )
    if missing:
        print(f"note: {missing} domain labels no longer match a section", file=sys.stderr)
    return out
