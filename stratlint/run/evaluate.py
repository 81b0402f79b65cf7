"""Measure stratlint on a labelled corpus (SPEC §6): per-rule precision, recall and F1, by source.

A corpus is a folder of Markdown documents and `expected.jsonl`, one expected finding a line:
`{"path": "<path under the corpus>", "line": N, "rule": "S101"}`. A finding matches an expected one
with the same path and rule and a line at most 1 apart, one to one. Every Markdown document under
the corpus is linted, so a document with no expected line is a clean document: any finding on it
is a false alarm.

Accuracy counts where nothing was tuned (SPEC §6): every document belongs to a *source* (the
writer or organisation it came from: `dev/…` and `test/…` are the first writers, `written/<w>/…`
later writers, `bank/pages/<org>/…` real pages), and `corpus/bank/split.yaml` freezes the sources
that no rule, lexicon, threshold or model is fitted on: the `test` group, which gates CI. The
others form the `train` group.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from stratlint import catalog
from stratlint.settings import Settings

if TYPE_CHECKING:
    from stratlint.model import Result
    from stratlint.read.files import ReadError

TOLERANCE = 1


@dataclass
class RuleScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    corpus: str
    split: str | None
    documents: int
    rules: dict[str, RuleScore] = field(default_factory=dict)
    misses: list[tuple[str, int, str]] = field(default_factory=list)  # false negatives
    matched: list[tuple[str, str]] = field(default_factory=list)  # (path, rule) of true positives
    false_alarms: list[tuple[str, int, str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def overall(self) -> RuleScore:
        total = RuleScore()
        for s in self.rules.values():
            total.tp += s.tp
            total.fp += s.fp
            total.fn += s.fn
        return total


def load_expected(corpus: Path) -> list[dict[str, object]]:
    path = corpus / "expected.jsonl"
    out: list[dict[str, object]] = []
    if not path.exists():
        return out
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not JSON: {exc.msg}") from None
        if not {"path", "line", "rule"} <= set(rec):
            raise ValueError(f"{path}:{n}: needs path, line and rule")
        out.append(rec)
    return out


def source_of(rel: str) -> str:
    """The source (writer or organisation) of a document, from its path under the corpus."""
    parts = rel.split("/")
    if len(parts) > 3 and parts[1] == "pages":
        # real pages (bank/pages/, judging*/pages/): the organisation, FlowFuse__website → FlowFuse
        return parts[2].split("__")[0]
    if parts[0] == "written" and len(parts) > 1:
        return parts[1]
    return parts[0]


def frozen_sources(corpus: Path) -> frozenset[str]:
    """The frozen test sources of `corpus/bank/split.yaml` (empty when there is none)."""
    import yaml

    path = corpus / "bank" / "split.yaml"
    if not path.exists():
        return frozenset()
    return frozenset(yaml.safe_load(path.read_text(encoding="utf-8")).get("test") or ())


def documents(corpus: Path, split: str | None, group: str | None = None) -> list[str]:
    """The labelled documents: under `split` (a folder) when given, else every folder of written
    documents (`dev`, `test`, `written`); of the `group` (train or test) when given."""
    bases = [corpus / split] if split else [corpus / d for d in ("dev", "test", "written")]
    out = []
    for base in bases:
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith((".md", ".markdown")):
                    out.append(Path(dirpath, name).relative_to(corpus).as_posix())
    if group is not None:
        frozen = frozen_sources(corpus)
        out = [d for d in out if (source_of(d) in frozen) == (group == "test")]
    return sorted(out)


def evaluate(
    corpus: Path,
    split: str | None = None,
    settings: Settings | None = None,
    group: str | None = None,
) -> Report:
    """Lint the corpus's documents (of `split` or `group`, else all) and score every rule."""
    corpus = corpus.resolve()
    docs = documents(corpus, split, group)
    wanted = set(docs)
    expected = [e for e in load_expected(corpus) if e["path"] in wanted]
    result = _lint(corpus, docs, replace(settings or Settings(), root=corpus))
    report = Report(str(corpus), split or group, len(docs))
    report.sources = sorted({source_of(d) for d in docs})
    report.errors = [f"{e.path}: {e.message}" for e in result.errors]
    for rid in catalog.rules():
        report.rules[rid] = RuleScore()

    found: dict[tuple[str, str], list[int]] = defaultdict(list)
    messages: dict[tuple[str, str, int], str] = {}
    for f in result.findings:
        rel = Path(f.path).resolve().relative_to(corpus).as_posix()
        found[(rel, f.rule)].append(f.line)
        messages[(rel, f.rule, f.line)] = f.message
    want: dict[tuple[str, str], list[int]] = defaultdict(list)
    for e in expected:
        want[(str(e["path"]), str(e["rule"]))].append(int(e["line"]))  # type: ignore[call-overload]

    for key in sorted(set(found) | set(want)):
        _match(report, key, sorted(found.get(key, [])), sorted(want.get(key, [])), messages)
    report.misses.sort()
    report.false_alarms.sort()
    return report


def _lint(corpus: Path, docs: list[str], settings: Settings) -> Result:
    """Lint the documents (paths under `corpus`); an unreadable one is an error in the result."""
    from stratlint.read.files import ReadError, read_text
    from stratlint.run.engine import lint_sources

    def sources() -> Iterator[tuple[str, str | ReadError]]:
        for rel in docs:
            p = str(corpus / rel)
            try:
                yield p, read_text(p)
            except ReadError as exc:
                yield p, exc

    return lint_sources(sources(), settings)


def _match(
    report: Report,
    key: tuple[str, str],
    got: list[int],
    exp: list[int],
    messages: dict[tuple[str, str, int], str],
) -> None:
    """Score one (document, rule): found lines against expected ones, one to one, exact lines
    first, then neighbours within `TOLERANCE`."""
    rel, rule = key
    score = report.rules.setdefault(rule, RuleScore())
    matched_got: set[int] = set()
    remaining = []
    for line in exp:
        if line in got and got.index(line) not in matched_got:
            k = next(i for i, g in enumerate(got) if g == line and i not in matched_got)
            matched_got.add(k)
            score.tp += 1
            report.matched.append((rel, rule))
        else:
            remaining.append(line)
    for line in remaining:
        near = next(
            (i for i, g in enumerate(got) if i not in matched_got and abs(g - line) <= TOLERANCE),
            None,
        )
        if near is None:
            score.fn += 1
            report.misses.append((rel, line, rule))
        else:
            matched_got.add(near)
            score.tp += 1
            report.matched.append((rel, rule))
    for i, g in enumerate(got):
        if i not in matched_got:
            score.fp += 1
            report.false_alarms.append((rel, g, rule, messages.get((rel, rule, g), "")))


def by_source(report: Report) -> dict[str, RuleScore]:
    """Pooled scores per source, from the report's matches and misses."""
    out: dict[str, RuleScore] = {s: RuleScore() for s in report.sources}
    for rel, _, _ in report.misses:
        out.setdefault(source_of(rel), RuleScore()).fn += 1
    for rel, _, _, _ in report.false_alarms:
        out.setdefault(source_of(rel), RuleScore()).fp += 1
    for rel, _ in report.matched:
        out.setdefault(source_of(rel), RuleScore()).tp += 1
    return out


def render_text(report: Report, show: bool = False) -> str:
    lines = [
        f"corpus {report.corpus}"
        + (f" ({report.split})" if report.split else "")
        + f": {report.documents} documents from {len(report.sources)} sources ("
        + ", ".join(report.sources)
        + ")",
        "",
        f"{'rule':<6} {'name':<28} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6} "
        f"{'f1':>6}",
    ]
    rules = catalog.rules()
    for rid, s in sorted(report.rules.items()):
        name = rules[rid].name if rid in rules else "?"
        lines.append(
            f"{rid:<6} {name:<28} {s.tp:>4} {s.fp:>4} {s.fn:>4} {s.precision:>6.2f} "
            f"{s.recall:>6.2f} {s.f1:>6.2f}"
        )
    o = report.overall
    lines.append(
        f"{'all':<6} {'':<28} {o.tp:>4} {o.fp:>4} {o.fn:>4} {o.precision:>6.2f} "
        f"{o.recall:>6.2f} {o.f1:>6.2f}"
    )
    if len(report.sources) > 1:
        lines += [
            "",
            f"{'source':<34} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6} {'f1':>6}",
        ]
        for src, sc in sorted(by_source(report).items()):
            lines.append(
                f"{src:<34} {sc.tp:>4} {sc.fp:>4} {sc.fn:>4} {sc.precision:>6.2f} "
                f"{sc.recall:>6.2f} {sc.f1:>6.2f}"
            )
    if show:
        lines += ["", "misses (expected, not found):"]
        lines += [f"  {p}:{ln}: {r}" for p, ln, r in report.misses] or ["  none"]
        lines += ["", "false alarms (found, not expected):"]
        lines += [f"  {p}:{ln}: {r} {m}" for p, ln, r, m in report.false_alarms] or ["  none"]
    if report.errors:
        lines += ["", "input errors:"] + [f"  {e}" for e in report.errors]
    return "\n".join(lines) + "\n"


def render_json(report: Report) -> str:
    data = {
        "corpus": report.corpus,
        "split": report.split,
        "documents": report.documents,
        "sources": {
            src: {"tp": sc.tp, "fp": sc.fp, "fn": sc.fn}
            for src, sc in sorted(by_source(report).items())
        },
        "rules": {
            rid: {
                "tp": s.tp,
                "fp": s.fp,
                "fn": s.fn,
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
            }
            for rid, s in sorted(report.rules.items())
        },
        "misses": [{"path": p, "line": ln, "rule": r} for p, ln, r in report.misses],
        "false_alarms": [{"path": p, "line": ln, "rule": r} for p, ln, r, _ in report.false_alarms],
    }
    return json.dumps(data, indent=2) + "\n"
