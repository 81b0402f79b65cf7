"""`python -m stratlint.bench --profile`: time each stage of a run in one process."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stratlint.model import Document
    from stratlint.understand.analysis import Analysis
    from stratlint.understand.nlp import Signals


def profile(files: list[Path]) -> str:
    """Time each stage in-process, as a run does it (batches of 64 documents, one spaCy stream
    per batch, cyclic GC quieted and what each batch leaves alive frozen: `batch.batch_done`),
    to show which stage dominates: wall time and this process's CPU time (which other work on
    a shared machine disturbs far less)."""
    t0 = _now()
    from stratlint import lexicon
    from stratlint.read.files import read_text
    from stratlint.read.parse import parse
    from stratlint.run.cache import derived_dir
    from stratlint.run.engine import BATCH, findings_for, quiet_gc
    from stratlint.run.project import Pool, Project
    from stratlint.settings import Settings
    from stratlint.understand import nlp

    root = Path(os.path.commonpath([str(p) for p in files]))
    settings = Settings(root=root)
    lexicon.DERIVED_DIR = derived_dir()
    t1 = _now()
    with quiet_gc():
        nlp.pipeline("{}")
        t2 = _now()
        texts = [(str(p), read_text(p)) for p in files]
        t3 = _now()
        read = [texts[i : i + BATCH] for i in range(0, len(texts), BATCH)]
        batches = _each(read, lambda b: [parse(text, path) for path, text in b])
        docs = [d for b in batches for d in b]
        t4 = _now()
        signals = _each(batches, lambda b: nlp.analyse([s.text for d in b for s in d.statements]))
        t5 = _now()
        analyses = [a for b in _each(list(zip(batches, signals, strict=True)), _analyse) for a in b]
        t6 = _now()
        pool_texts = {os.path.realpath(p): (p, t) for p, t in texts}
        project = Project(settings, pool_texts, Pool(pool_texts, root, partial=False))
        for a in analyses:
            project.add(a)
        findings = sum(len(findings_for(a, settings, project)) for a in analyses)
        t7 = _now()
    statements = sum(len(d.statements) for d in docs)
    marks = [t0, t1, t2, t3, t4, t5, t6, t7]
    pairs = list(zip(marks, marks[1:], strict=False))
    return _table(
        len(files),
        statements,
        findings,
        [b[0] - a[0] for a, b in pairs],
        [b[1] - a[1] for a, b in pairs],
    )


def _each(batches: Sequence[Any], work: Callable[[Any], Any]) -> list[Any]:
    """`work` on each batch in turn, what it leaves alive frozen after each, as a run does."""
    from stratlint.run.batch import batch_done

    out = []
    for batch in batches:
        out.append(work(batch))
        batch_done()
    return out


def _analyse(batch: tuple[list[Document], list[Signals]]) -> list[Analysis]:
    """The analyses of a batch of documents, from the signals of all their statements."""
    from stratlint.understand.analysis import analyse_document

    docs, signals = batch
    out, k = [], 0
    for d in docs:
        out.append(analyse_document(d, signals[k : k + len(d.statements)]))
        k += len(d.statements)
    return out


def _now() -> tuple[float, float]:
    """(wall, CPU) seconds."""
    return time.perf_counter(), time.process_time()


_STAGES = (
    "import spaCy + stratlint",
    "build pipeline",
    "read files",
    "parse (markdown-it, markup)",
    "spaCy tokenizer + matchers",
    "classify (analysis)",
    "rules + links",
)


def _table(
    n_files: int, statements: int, findings: int, seconds: list[float], cpu: list[float]
) -> str:
    """The stage timings as printed: wall and CPU seconds, and each stage's share of the
    per-document CPU time."""
    stages = list(zip(_STAGES, seconds, cpu, strict=True))
    work = sum(s for _, s, _ in stages[2:])
    work_cpu = sum(c for _, _, c in stages[2:])
    out = [
        f"{n_files} documents, {statements} statements, {findings} findings, "
        f"{1000 * work / n_files:.1f} ms of work per document in one process "
        f"({1000 * work_cpu / n_files:.1f} ms CPU)",
        f"  {'':<28} {'wall':>9} {'cpu':>9}",
    ]
    for name, sec, c in stages:
        share = (
            f"{100 * c / work_cpu:5.1f}% of per-document CPU"
            if name not in ("import spaCy + stratlint", "build pipeline") and work_cpu
            else ""
        )
        out.append(f"  {name:<28} {sec:7.3f} s {c:7.3f} s  {share}")
    return "\n".join(out) + "\n"
