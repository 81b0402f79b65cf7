"""One batch of documents: parse each, classify all through one spaCy stream, run the checks.

The same code lints a batch in this process and in a `--jobs` worker (`parallel`), so findings
are identical for any number of jobs. Nothing here imports spaCy at module level.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from stratlint.model import Document, Finding, InputError
from stratlint.read.discover import glob_match
from stratlint.run.outcome import Outcome
from stratlint.run.project import Project
from stratlint.settings import Settings
from stratlint.understand.links import Resolver

if TYPE_CHECKING:
    from stratlint.report.summary import DocumentSummary
    from stratlint.understand.analysis import Analysis

BATCH = 64  # documents per spaCy stream, and per task sent to a worker


def analyse_many(docs: Sequence[Document], settings: Settings) -> list[Analysis]:
    """Classify several documents, feeding all their statements through spaCy in one stream."""
    from stratlint.understand.analysis import analyse_document
    from stratlint.understand.nlp import analyse

    texts = [st.text for d in docs for st in d.statements]
    signals = analyse(texts, settings.lexicon)
    out: list[Analysis] = []
    k = 0
    for d in docs:
        n = len(d.statements)
        out.append(analyse_document(d, signals[k : k + n], settings.sections, settings.lexicon))
        k += n
    return out


def findings_for(
    analysis: Analysis,
    settings: Settings,
    project: Project,
    errors: list[InputError] | None = None,
    resolver: Resolver | None = None,
) -> list[Finding]:
    """Findings of one document; problems of its suppression comments (and, when asked, unused
    suppressions) go to `errors`, with their lines. Pass a `resolver` to read afterwards what
    the document's links depended on."""
    from stratlint import catalog
    from stratlint.checks import Context, all_checks, suppress

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
                path=doc.path,
                line=hit.line,
                column=hit.column,
                end_line=hit.end_line,
                end_column=hit.end_column,
                rule=rule_id,
                name=meta.name,
                severity=severity,
                message=hit.message,
                suggestion=hit.suggestion,
                section=hit.section,
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


def check_documents(
    items: Sequence[tuple[str, str]], project: Project, summarize: bool = False
) -> list[Outcome]:
    """Lint documents of the run, given as (path, text): parse each, classify all through one
    spaCy stream, then run the rules on each. Documents already analysed in this process as
    link targets are not analysed again. `summarize`: also describe each document as it was
    read (`summary.DocumentSummary`), after and apart from its findings."""
    from stratlint.read.parse import parse

    settings = project.settings
    reuse: dict[int, Analysis] = {}
    failed: dict[int, Outcome] = {}
    fresh: list[tuple[int, Document]] = []
    for i, (path, text) in enumerate(items):
        known = project.known(project.real(path))
        if known is not None and known.doc.path == path and known.doc.text == text:
            reuse[i] = known
            continue
        try:
            fresh.append((i, parse(text, path)))
        except Exception as exc:  # a bug of ours must not cost the other files their results
            failed[i] = _internal_error(path, exc)
    done = dict(reuse)
    try:
        done.update(
            zip((i for i, _ in fresh), analyse_many([d for _, d in fresh], settings), strict=True)
        )
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
        real = project.real(a.doc.path)
        linked = {real: project.mention_digest(real)} if resolver.used_linked_plans and real else {}
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
    message = (
        f"stratlint failed on this file ({type(exc).__name__}: {exc}); the other files "
        "were linted. Please report it with the file."
    )
    return Outcome(path, [], [InputError(path, message)], {}, {})


# The collector's thresholds while linting: the first generation is collected after 50,000 new
# objects (not 700), and the older ones rarely.
QUIET_THRESHOLDS = (50_000, 50, 100)


class quiet_gc:  # noqa: N801 - used as a context manager
    """Fewer cyclic garbage collections while linting: the pipeline's long-lived objects are
    frozen out of them and the first generation is collected less often. Linting makes many
    small acyclic objects that reference counting frees; scanning spaCy's heap for cycles again
    and again cost about a fifth of the run. Between batches, `batch_done`."""

    def __enter__(self) -> quiet_gc:
        self.before = gc.get_threshold()
        gc.freeze()
        gc.set_threshold(*QUIET_THRESHOLDS)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.set_threshold(*self.before)
        gc.unfreeze()


def batch_done() -> None:
    """After a batch, where the collector is quieted (`quiet_gc`, a worker): what the batch left
    alive joins the frozen objects, and the count towards the next collection starts again.

    What a batch leaves alive is the caches' new entries (a text's signals, facts, verdict and
    rows, kept for the texts that come back), a few tens of thousands of objects a batch, none
    of them garbage. The first generation's collections scanned them, and little else: on the
    benchmark's 1,000 documents, eight collections found 15 objects to free and cost 2.5% of
    the run, up to 7% with other work beside it (issue 15). Frozen, they are never scanned
    again, and a batch of ordinary documents ends before its own objects reach the threshold:
    its records go by reference counting, as they always did, with no collection at all. A
    batch that does reach it (a long document) is collected as before, so its cyclic garbage
    cannot grow without bound; the little an ordinary batch leaves (those 15 objects) stays
    frozen until the run ends (`quiet_gc` unfreezes) or the worker exits."""
    gc.freeze()
