"""`--jobs N`: lint batches of documents in N worker processes.

Each worker is started once, builds the spaCy pipeline once, and keeps its own `Project` over the
run's texts (sent once, at start-up), so links between documents resolve in any worker exactly
as they do in one process; linked files outside the run are read by a worker when it needs them.
Batches (`tasks.plan_tasks`) go out in order and come back in order, and each document's result
depends only on the files, never on which worker linted it: the findings are identical, in the
same order, for any N.

Works with every start method (fork, forkserver, spawn): workers get all they need through their
initializer arguments, and the functions they run are module-level.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from stratlint.run.batch import QUIET_THRESHOLDS, batch_done, check_documents
from stratlint.run.outcome import Outcome
from stratlint.run.project import Pool, Project
from stratlint.settings import Settings

_WORKER: dict[str, Any] = {}


def _start(
    settings: Settings,
    texts: Mapping[str, tuple[str, str]],
    root: Path,
    partial: bool,
    exclude: tuple[str, ...],
    derived: Path | None,
    summarize: bool = False,
) -> None:
    from stratlint import lexicon

    lexicon.DERIVED_DIR = derived
    _WORKER["summarize"] = summarize
    pool = Pool(texts, root, partial, exclude)
    _WORKER["project"] = Project(settings, texts, pool)
    _load(settings)
    gc.freeze()  # the pipeline lives as long as the worker: keep it out of cycle collections
    gc.set_threshold(*QUIET_THRESHOLDS)


def _load(settings: Settings) -> None:
    """What every worker needs before its first document: the pipeline, the models, the rules."""
    from stratlint import catalog
    from stratlint.checks import all_checks
    from stratlint.understand import nlp
    from stratlint.understand.learn import models

    nlp.pipeline(json.dumps(dict(settings.lexicon or {}), sort_keys=True))
    models.get()
    catalog.rules()
    all_checks()


def _lint(task: Sequence[tuple[str, str]]) -> list[Outcome]:
    out = check_documents(task, _WORKER["project"], _WORKER.get("summarize", False))
    batch_done()
    return out


def run(
    tasks: Sequence[Sequence[tuple[str, str]]],
    settings: Settings,
    texts: Mapping[str, tuple[str, str]],
    pool: Pool,
    jobs: int,
    method: str | None = None,
    derived: Path | None = None,
    summarize: bool = False,
) -> list[Outcome]:
    """Lint `tasks` (batches of (path, text)) in `jobs` processes; outcomes in task order.
    `derived`: where workers may keep parsed rule data (see `lexicon.DERIVED_DIR`);
    `summarize`: outcomes carry document summaries (`engine.check_documents`)."""
    ctx = multiprocessing.get_context(method)
    if ctx.get_start_method() == "fork":
        # Forked workers inherit what this process has loaded: load it once here rather than
        # once in each worker (spaCy's import and the pipeline: ~0.6 s CPU a worker; issue 15).
        _load(settings)
    out: list[Outcome] = []
    args = (settings, dict(texts), pool.root, pool.partial, pool.exclude, derived, summarize)
    with ctx.Pool(jobs, initializer=_start, initargs=args) as p:
        for outcomes in p.imap(_lint, tasks, chunksize=1):
            out.extend(outcomes)
    return out
