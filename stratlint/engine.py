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

import gc
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from stratlint.read.discover import find, glob_match, is_markdown
from stratlint.read.files import MAX_BYTES, ReadError, decode, read_text
from stratlint.links import Resolver, real_path
from stratlint.model import Document, Finding, InputError, Result
from stratlint.project import Pool, Project, text_hash
from stratlint.settings import Settings

if TYPE_CHECKING:
    from stratlint.understand.analysis import Analysis
    from stratlint.cache import Cache
    from stratlint.report.summary import DocumentSummary

BATCH = 64  # documents per spaCy stream, and per task sent to a worker

__all__ = ["BATCH", "Outcome", "Pool", "Project", "Run", "analyse_many", "check_documents",
           "effective_jobs", "findings_for", "lint_files", "lint_sources", "lint_text",
           "plan_tasks", "quiet_gc", "still_valid", "text_hash"]


# -- one document and a batch of documents ---------------------------------------------------


def analyse_many(docs: Sequence[Document], settings: Settings) -> list[Analysis]:
    """Classify several documents, feeding all their statements through spaCy in one stream."""
    from stratlint.understand.analysis import analyse_document
    from stratlint.nlp import analyse

    texts = [st.text for d in docs for st in d.statements]
    signals = analyse(texts, settings.lexicon)
    out: list[Analysis] = []
    k = 0
    for d in docs:
        n = len(d.statements)
        out.append(analyse_document(d, signals[k : k + n], settings.sections, settings.lexicon))
        k += n
    return out


def findings_for(analysis: Analysis, settings: Settings, project: Project,
                 errors: list[InputError] | None = None,
                 resolver: Resolver | None = None) -> list[Finding]:
    """Findings of one document; problems of its suppression comments (and, when asked, unused
    suppressions) go to `errors`, with their lines. Pass a `resolver` to read afterwards what
    the document's links depended on."""
    from stratlint import catalog
    from stratlint.checks import suppress
    from stratlint.checks import Context, all_checks

    doc = analysis.doc
    rules = catalog.rules()
    ctx = Context(analysis, resolver or project.resolver(analysis))
    file_ignores: set[str] = set()
    for pattern, ids in settings.per_file_ignores:
        if glob_match(doc.path, pattern):
            file_ignores.update(ids)
    sup = suppress.collect(doc)
    out: list[Finding] = []
    for rule_id, fn in sorted(all_checks().items()):
        if not settings.enabled(rule_id) or rule_id in file_ignores:
            continue
        meta = rules[rule_id]
        ctx.options = dict(meta.options)
        ctx.options.update(settings.options.get(rule_id, {}))
        severity = settings.severity.get(rule_id, meta.severity)
        for hit in fn(ctx):
            f = Finding(
                path=doc.path, line=hit.line, column=hit.column, end_line=hit.end_line,
                end_column=hit.end_column, rule=rule_id, name=meta.name, severity=severity,
                message=hit.message, suggestion=hit.suggestion, section=hit.section,
            )
            if sup.suppresses(f):
                continue
            out.append(f)
    if errors is not None:
        problems = list(sup.problems)
        if settings.report_unused_disables:
            active = [r for r in all_checks() if settings.enabled(r) and r not in file_ignores]
            problems += sup.unused(active)
        errors.extend(InputError(doc.path, msg, line) for line, msg in problems)
    out = _dedupe(out)
    out.sort(key=Finding.sort_key)
    return out


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, int, int, str]] = set()
    out = []
    for f in findings:
        key = (f.rule, f.line, f.column, f.message)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def _glob_match(path: str, pattern: str) -> bool:  # kept for callers of the old name
    return glob_match(path, pattern)


@dataclass
class Outcome:
    """What linting one document gave, and what it depended on (for the result cache)."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    deps: dict[str, str] = field(default_factory=dict)  # path → fingerprint when linted
    mentions: dict[str, str] = field(default_factory=dict)  # real → digest of its linkers
    summary: DocumentSummary | None = None  # how it was read, when the report draws it


def check_documents(items: Sequence[tuple[str, str]], project: Project,
                    summarize: bool = False) -> list[Outcome]:
    """Lint documents of the run, given as (path, text): parse each, classify all through one
    spaCy stream, then run the rules on each. Documents already analysed in this process as
    link targets are not analysed again. `summarize`: also describe each document as it was
    read (`summary.DocumentSummary`), after and apart from its findings."""
    from stratlint.parse import parse

    settings = project.settings
    reuse: dict[int, Analysis] = {}
    failed: dict[int, Outcome] = {}
    fresh: list[tuple[int, Document]] = []
    for i, (path, text) in enumerate(items):
        known = project.known(real_path(path))
        if known is not None and known.doc.path == path and known.doc.text == text:
            reuse[i] = known
            continue
        try:
            fresh.append((i, parse(text, path)))
        except Exception as exc:  # a bug of ours must not cost the other files their results
            failed[i] = _internal_error(path, exc)
    done = dict(reuse)
    try:
        done.update(zip((i for i, _ in fresh), analyse_many([d for _, d in fresh], settings),
                        strict=True))
    except Exception:
        for i, d in fresh:  # find the document that fails, keep the others
            try:
                done[i] = analyse_many([d], settings)[0]
            except Exception as exc:
                failed[i] = _internal_error(d.path, exc)
    analyses = [done[i] for i in range(len(items)) if i in done]
    for a in analyses:
        project.add(a)
    out: list[Outcome] = []
    for i in range(len(items)):
        if i in failed:
            out.append(failed[i])
            continue
        a = done[i]
        errors = [InputError(a.doc.path, msg, line) for line, msg in a.doc.problems]
        try:
            resolver = project.resolver(a)
            findings = findings_for(a, settings, project, errors, resolver)
        except Exception as exc:
            out.append(_internal_error(a.doc.path, exc))
            continue
        real = real_path(a.doc.path)
        linked = {real: project.mention_digest(real)} if resolver.used_linked_plans and real \
            else {}
        summary = _summary(a, project) if summarize else None
        out.append(Outcome(a.doc.path, findings, errors, dict(resolver.deps), linked, summary))
    for a in analyses:
        project.release(a)
    return out


def _summary(a: Analysis, project: Project) -> DocumentSummary | None:
    """A document's summary, through a resolver of its own (what the findings depended on stays
    as it was). A failure costs the report its picture of this document, never its findings."""
    from stratlint.report.summary import summarize

    try:
        return summarize(a, project.resolver(a))
    except Exception:
        if os.environ.get("STRATLINT_DEBUG"):
            raise
        return None


def _internal_error(path: str, exc: Exception) -> Outcome:
    """An error of stratlint's own while linting one file: reported on that file, run goes on."""
    if os.environ.get("STRATLINT_DEBUG"):
        raise exc
    message = (f"stratlint failed on this file ({type(exc).__name__}: {exc}); the other files "
               "were linted. Please report it with the file.")
    return Outcome(path, [], [InputError(path, message)], {}, {})


def still_valid(outcome: Outcome, project: Project) -> bool:
    """Whether a cached outcome still holds: every file it looked at and every document that
    could link to it is as it was."""
    for path, fp in outcome.deps.items():
        if project.fingerprint(path) != fp:
            return False
    return all(project.mention_digest(real) == digest
               for real, digest in outcome.mentions.items())


# -- whole runs ------------------------------------------------------------------------------


def lint_text(text: str, path: str = "<text>", config: Settings | None = None) -> list[Finding]:
    """Lint Markdown text; `path` is used in findings and to resolve relative links."""
    settings = config or Settings()
    real = real_path(path)
    project = Project(settings, {real: (path, text)} if real else {})
    (outcome,) = check_documents([(path, text)], project)
    return outcome.findings


def lint_sources(
    sources: Iterable[tuple[str, str | ReadError]], settings: Settings, batch: int = BATCH,
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
    result = Result()
    sources: dict[str, str] = {}
    items: list[tuple[str, str]] = []
    texts: dict[str, tuple[str, str]] = {}
    stdin_names: set[str] = set()
    reals: dict[str, str] = {}
    skipped: list[tuple[str, str]] = []
    for found in find(list(paths), settings.exclude, root):
        p = found.path
        if found.skipped:
            skipped.append((p, found.skipped))
            continue
        if found.error:
            result.errors.append(InputError(p, found.error))
            continue
        if p != "-":
            reals[p] = found.real
        result.files += 1
        name = p
        text: str | ReadError
        if p == "-":
            name = stdin_filename or "-"
            stdin_names.add(name)
            try:
                text = decode(read_stdin() if read_stdin else b"")
            except ReadError as exc:
                text = exc
        else:
            try:
                text = read_text(p, found.within, found.real)
            except ReadError as exc:
                text = exc
        problem = _unlintable(text)
        if problem:
            result.errors.append(InputError(name, problem))
            continue
        assert isinstance(text, str)
        sources[name] = text
        items.append((name, text))
        real = reals[name] = reals[p] if name == p and p in reals else real_path(name)
        if real:
            texts[real] = (name, text)

    pool = Pool(texts, root, _partial(paths, settings, root), settings.exclude)
    project = Project(settings, texts, pool)

    todo: list[tuple[str, str]] = []
    keys: dict[str, str] = {}
    outcomes: dict[str, Outcome] = {}
    for name, text in items:
        if cache is None or name in stdin_names:
            todo.append((name, text))
            continue
        digest = project.content_hash(reals[name]) if reals[name] else text_hash(text)
        key = cache.key(name, reals[name], digest)
        keys[name] = key
        hit = None if summaries else cache.get(key)
        if hit is not None and still_valid(hit, project):
            outcomes[name] = hit
        else:
            todo.append((name, text))
    cached = len(outcomes)

    n_jobs = 1
    if todo:
        from stratlint import lexicon
        from stratlint.cache import derived_dir

        derived = derived_dir()
        lexicon.DERIVED_DIR = derived  # the parsed word-form table, kept for the next run
        tasks = plan_tasks(todo)
        n_jobs = effective_jobs(jobs, len(todo))
        if n_jobs > 1:
            from stratlint import parallel

            done = parallel.run(tasks, settings, texts, pool, n_jobs, derived=derived,
                                summarize=summaries)
        else:
            done = _run_here(tasks, project, summaries)
        for o in done:
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
    return Run(_sorted(result), sources, cached, n_jobs, skipped)


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


def _run_here(tasks: list[list[tuple[str, str]]], project: Project,
              summarize: bool = False) -> list[Outcome]:
    with quiet_gc():
        out: list[Outcome] = []
        for task in tasks:
            out.extend(check_documents(task, project, summarize))
        return out


class quiet_gc:  # noqa: N801 - used as a context manager
    """Fewer cyclic garbage collections while linting: the pipeline's long-lived objects are
    frozen out of them and the first generation is collected less often. Linting makes many
    small acyclic objects that reference counting frees; scanning spaCy's heap for cycles again
    and again cost about a fifth of the run."""

    def __enter__(self) -> quiet_gc:
        self.before = gc.get_threshold()
        gc.freeze()
        gc.set_threshold(50_000, 50, 100)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.set_threshold(*self.before)
        gc.unfreeze()


def plan_tasks(items: Sequence[tuple[str, str]],
               size: int | None = None) -> list[list[tuple[str, str]]]:
    """Split documents into batches, keeping documents that link to each other together (so a
    strategy and its plans are analysed once, in one process), in a stable order.

    Links are found by a cheap scan for Markdown file names in each text; this only groups work,
    resolution itself is exact either way.
    """
    size = size or BATCH
    by_name: dict[str, list[int]] = {}
    for i, (path, _) in enumerate(items):
        by_name.setdefault(Path(path).name.lower(), []).append(i)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (_, text) in enumerate(items):
        for name in _linked_names(text):
            for j in by_name.get(name, ()):
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    tasks: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for members in sorted(groups.values()):
        if current and len(current) + len(members) > size:
            tasks.append(current)
            current = []
        for i in members:
            current.append(items[i])
            if len(current) >= 4 * size:  # one huge group (an index linking everything) splits
                tasks.append(current)
                current = []
    if current:
        tasks.append(current)
    return tasks


def _linked_names(text: str) -> set[str]:
    out = set()
    low = text.lower()
    start = 0
    while True:
        i = low.find(".md", start)
        if i < 0:
            break
        start = i + 3
        j = i
        while j > 0 and low[j - 1] not in " \t\n\r/\\()[]<>\"'`:=":
            j -= 1
        end = i + (9 if low.startswith(".markdown", i) else 3)
        name = low[j:end]
        if is_markdown(name):
            out.add(name)
    return out

