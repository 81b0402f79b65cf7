"""The engine: text → Document → Analysis → findings, for one text or a whole project.

The CLI and the public API both call this module. Each stage is a module of its own; this one
only wires them: it reads files (through `files`), feeds every statement of a batch of documents
through the spaCy pipeline at once, resolves links through a `Project`, runs the checks, applies
settings and suppressions, and sorts the findings.

A whole run (`lint_files`, what the CLI calls) goes:

1. discover the files (`discover.find`) and read each once: only regular files, never following
   a link met in a walk out of the project (what was skipped, and why, is kept in `Run.skipped`);
2. look each document up in the result cache (`cache`): a hit is reused when its content, the
   configuration, stratlint and its rule data are unchanged *and* every file it depended on (the
   strategies it links to, the plans that link to it) still has the fingerprint it had;
3. lint the rest in batches, in this process or in `--jobs` worker processes (`parallel`), every
   batch through one spaCy stream; the same batches and the same code either way, so findings
   are identical and identically ordered for any number of jobs;
4. store the new results, merge, sort by path, line, column, rule.

Nothing here imports spaCy at module level: a fully cached run never loads it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from stratlint.model import Finding, InputError, Result
from stratlint.read.discover import find, glob_match
from stratlint.read.files import MAX_BYTES, ReadError, decode, read_text
from stratlint.run.batch import (
    BATCH,
    analyse_many,
    batch_done,
    check_documents,
    findings_for,
    quiet_gc,
)
from stratlint.run.outcome import Outcome
from stratlint.run.project import Pool, Project, text_hash
from stratlint.run.tasks import plan_tasks
from stratlint.settings import Settings
from stratlint.understand.links import real_path

if TYPE_CHECKING:
    from stratlint.run.cache import Cache

__all__ = [
    "BATCH",
    "Outcome",
    "Pool",
    "Project",
    "Run",
    "analyse_many",
    "check_documents",
    "effective_jobs",
    "findings_for",
    "lint_files",
    "lint_sources",
    "lint_text",
    "plan_tasks",
    "quiet_gc",
    "still_valid",
    "text_hash",
]


def _glob_match(path: str, pattern: str) -> bool:  # kept for callers of the old name
    return glob_match(path, pattern)


def still_valid(outcome: Outcome, project: Project) -> bool:
    """Whether a cached outcome still holds: every file it looked at and every document that
    could link to it is as it was."""
    for path, fp in outcome.deps.items():
        if project.fingerprint(path) != fp:
            return False
    return all(project.mention_digest(real) == digest for real, digest in outcome.mentions.items())


# -- whole runs ------------------------------------------------------------------------------


def lint_text(text: str, path: str = "<text>", config: Settings | None = None) -> list[Finding]:
    """Lint Markdown text; `path` is used in findings and to resolve relative links."""
    settings = config or Settings()
    real = real_path(path)
    project = Project(settings, {real: (path, text)} if real else {})
    (outcome,) = check_documents([(path, text)], project)
    return outcome.findings


def lint_sources(
    sources: Iterable[tuple[str, str | ReadError]],
    settings: Settings,
    batch: int = BATCH,
    summaries: bool = False,
) -> Result:
    """Lint (path, text) pairs in this process, without the cache; a ReadError in place of text
    is reported, not fatal. Links between the given documents resolve to the given texts.
    `summaries`: also fill `Result.summaries` (see `lint_files`)."""
    result = Result()
    items: list[tuple[str, str]] = []
    for path, text in sources:
        result.files += 1
        problem = _unlintable(text)
        if problem:
            result.errors.append(InputError(path, problem))
        else:
            assert isinstance(text, str)
            items.append((path, text))
    texts = {real: (p, t) for p, t in items if (real := real_path(p))}
    project = Project(settings, texts)
    for i in range(0, len(items), batch):
        for o in check_documents(items[i : i + batch], project, summaries):
            result.findings.extend(o.findings)
            result.errors.extend(o.errors)
            if o.summary is not None:
                result.summaries.append(o.summary)
    return _sorted(result)


def _unlintable(text: str | ReadError) -> str:
    if isinstance(text, ReadError):
        return str(text)
    if len(text) > MAX_BYTES:
        return f"file is larger than {MAX_BYTES // 2**20} MB; not linted"
    return ""


def _sorted(result: Result) -> Result:
    result.findings.sort(key=Finding.sort_key)
    result.errors.sort(key=lambda e: (e.path, e.line or 0))
    result.summaries.sort(key=lambda s: s.path)
    return result


@dataclass
class Run:
    """A whole run: the result, the text of every file read (for report snippets), and how
    many documents came from the cache."""

    result: Result
    sources: dict[str, str]
    cached: int = 0
    jobs: int = 1
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why) left out by walks


def lint_files(
    paths: Sequence[str],
    settings: Settings,
    *,
    jobs: int | None = None,
    cache: Cache | None = None,
    read_stdin: Callable[[], bytes] | None = None,
    stdin_filename: str | None = None,
    summaries: bool = False,
) -> Run:
    """Lint files and directories (walked for Markdown) as the command line does.

    `jobs`: worker processes (default: the machine's cores; 1 = this process only). `cache`: the
    result cache, or None to lint everything. `-` in `paths` reads `read_stdin()`, reported as
    `stdin_filename` (whose folder its relative links resolve from). `summaries`: also describe
    how each document was read, in `Result.summaries`, for a report that draws it; the cache
    holds findings only, so every document is analysed again (and its entry refreshed).
    """
    root = (settings.root or Path.cwd()).resolve()
    inputs = _read_inputs(paths, settings, root, read_stdin, stdin_filename)
    result, items, texts = inputs.result, inputs.items, inputs.texts
    pool = Pool(texts, root, _partial(paths, settings, root), settings.exclude)
    project = Project(settings, texts, pool)
    outcomes, todo, keys = _from_cache(inputs, project, cache, summaries)
    cached = len(outcomes)
    n_jobs = 1
    if todo:
        n_jobs = effective_jobs(jobs, len(todo))
        for o in _lint_todo(todo, project, pool, n_jobs, summaries):
            outcomes[o.path] = o
            if cache is not None and o.path in keys:
                cache.put(keys[o.path], o)
    if cache is not None:
        cache.save()
    for name, _ in items:
        o = outcomes[name]
        result.findings.extend(o.findings)
        result.errors.extend(o.errors)
        if o.summary is not None:
            result.summaries.append(o.summary)
    return Run(_sorted(result), inputs.sources, cached, n_jobs, inputs.skipped)


@dataclass
class _Inputs:
    """The files of a run as read: what to lint, and what could not be read."""

    result: Result = field(default_factory=Result)
    sources: dict[str, str] = field(default_factory=dict)
    items: list[tuple[str, str]] = field(default_factory=list)
    texts: dict[str, tuple[str, str]] = field(default_factory=dict)  # real path → (name, text)
    stdin_names: set[str] = field(default_factory=set)
    reals: dict[str, str] = field(default_factory=dict)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def _read_inputs(
    paths: Sequence[str],
    settings: Settings,
    root: Path,
    read_stdin: Callable[[], bytes] | None,
    stdin_filename: str | None,
) -> _Inputs:
    inp = _Inputs()
    result, reals = inp.result, inp.reals
    for found in find(list(paths), settings.exclude, root):
        p = found.path
        if found.skipped:
            inp.skipped.append((p, found.skipped))
            continue
        if found.error:
            result.errors.append(InputError(p, found.error))
            continue
        if p != "-":
            reals[p] = found.real
        result.files += 1
        name = p
        text: str | ReadError
        try:
            if p == "-":
                name = stdin_filename or "-"
                inp.stdin_names.add(name)
                text = decode(read_stdin() if read_stdin else b"")
            else:
                text = read_text(p, found.within, found.real)
        except ReadError as exc:
            text = exc
        problem = _unlintable(text)
        if problem:
            result.errors.append(InputError(name, problem))
            continue
        assert isinstance(text, str)
        inp.sources[name] = text
        inp.items.append((name, text))
        real = reals[name] = reals[p] if name == p and p in reals else real_path(name)
        if real:
            inp.texts[real] = (name, text)
    return inp


def _from_cache(
    inp: _Inputs, project: Project, cache: Cache | None, summaries: bool
) -> tuple[dict[str, Outcome], list[tuple[str, str]], dict[str, str]]:
    """Outcomes the cache still holds, the documents left to lint, and each one's cache key."""
    todo: list[tuple[str, str]] = []
    keys: dict[str, str] = {}
    outcomes: dict[str, Outcome] = {}
    for name, text in inp.items:
        if cache is None or name in inp.stdin_names:
            todo.append((name, text))
            continue
        real = inp.reals[name]
        digest = project.content_hash(real) if real else text_hash(text)
        key = keys[name] = cache.key(name, real, digest)
        hit = None if summaries else cache.get(key)
        if hit is not None and still_valid(hit, project):
            outcomes[name] = hit
        else:
            todo.append((name, text))
    return outcomes, todo, keys


def _lint_todo(
    todo: list[tuple[str, str]], project: Project, pool: Pool, n_jobs: int, summaries: bool
) -> list[Outcome]:
    from stratlint import lexicon
    from stratlint.run.cache import derived_dir

    derived = derived_dir()
    lexicon.DERIVED_DIR = derived  # the parsed word-form table, kept for the next run
    tasks = plan_tasks(todo)
    if n_jobs > 1:
        from stratlint.run import parallel

        return parallel.run(
            tasks,
            project.settings,
            project.texts,
            pool,
            n_jobs,
            derived=derived,
            summarize=summaries,
        )
    return _run_here(tasks, project, summaries)


def _partial(paths: Sequence[str], settings: Settings, root: Path) -> bool:
    """Whether plans linking to a linted strategy may live in files not passed (pre-commit passes
    only staged files). Only a real project is searched: one with a config file or a git root;
    a bare working directory (a home folder) is never walked."""
    if any(os.path.isdir(p) and real_path(p) == str(root) for p in paths):
        return False
    return settings.config_path is not None or (root / ".git").exists()


def effective_jobs(jobs: int | None, documents: int) -> int:
    """Worker processes worth starting: each costs a spaCy start-up, so small runs stay here."""
    wanted = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    useful = documents // BATCH + (1 if documents % BATCH else 0)
    if documents < 2 * BATCH:
        return 1
    return max(1, min(wanted, useful))


def _run_here(
    tasks: list[list[tuple[str, str]]], project: Project, summarize: bool = False
) -> list[Outcome]:
    with quiet_gc():
        out: list[Outcome] = []
        for task in tasks:
            out.extend(check_documents(task, project, summarize))
            batch_done()
        return out
