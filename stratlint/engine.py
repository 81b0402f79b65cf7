"""The engine: text → Document → Analysis → findings, for one text or a whole project.

The CLI and the public API both call this module. Each stage is a module of its own; this one
only wires them: it reads files (through `files`), feeds every statement of a batch of documents
through the spaCy pipeline at once, resolves links through a `Project`, runs the checks, applies
settings and suppressions, and sorts the findings.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from fnmatch import fnmatch
from pathlib import Path

from stratlint import catalog, suppress
from stratlint.analysis import Analysis, analyse_document
from stratlint.checks import Context, all_checks
from stratlint.files import ReadError, read_text
from stratlint.links import Resolver
from stratlint.model import Document, Finding, InputError, Result
from stratlint.nlp import analyse
from stratlint.parse import parse
from stratlint.settings import Settings

MAX_BYTES = 20 * 1024 * 1024  # larger files are reported as input errors, not linted


class Project:
    """Documents of one run, and linked documents read for link resolution (read once each)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.root = (settings.root or Path.cwd()).resolve()
        self._cache: dict[str, Analysis | None] = {}

    def add(self, analysis: Analysis) -> None:
        key = _real(analysis.doc.path)
        if key:
            self._cache[key] = analysis

    def load(self, path: Path) -> Analysis | None:
        key = str(path)
        if key in self._cache:
            return self._cache[key]
        self._cache[key] = None  # a link cycle reads each file once
        try:
            text = read_text(path)
        except ReadError:
            return None
        if len(text) > MAX_BYTES:
            return None
        doc = parse(text, str(path))
        self._cache[key] = analyse_document(doc, None, self.settings.sections, self.settings.lexicon)
        return self._cache[key]

    def resolver(self, analysis: Analysis) -> Resolver:
        return Resolver(analysis.doc.path, self.root, self.load, analysis)


def _real(path: str) -> str:
    if path in ("-", "<text>", "<stdin>"):
        return ""
    try:
        return os.path.realpath(path)
    except (OSError, ValueError):
        return ""


def analyse_many(docs: Sequence[Document], settings: Settings) -> list[Analysis]:
    """Classify several documents, feeding all their statements through spaCy in one stream."""
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
                 errors: list[InputError] | None = None) -> list[Finding]:
    """Findings of one document; problems of its suppression comments (and, when asked, unused
    suppressions) go to `errors`, with their lines."""
    doc = analysis.doc
    rules = catalog.rules()
    ctx = Context(analysis, project.resolver(analysis))
    file_ignores: set[str] = set()
    for pattern, ids in settings.per_file_ignores:
        if _glob_match(doc.path, pattern):
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


def _glob_match(path: str, pattern: str) -> bool:
    p = path.replace(os.sep, "/")
    if p.startswith("./"):
        p = p[2:]
    return fnmatch(p, pattern) or fnmatch(p, f"*/{pattern}") or fnmatch(Path(p).name, pattern)


def lint_text(text: str, path: str = "<text>", config: Settings | None = None) -> list[Finding]:
    """Lint Markdown text; `path` is used in findings and to resolve relative links."""
    settings = config or Settings()
    project = Project(settings)
    doc = parse(text, path)
    (analysis,) = analyse_many([doc], settings)
    project.add(analysis)
    return findings_for(analysis, settings, project)


def lint_sources(
    sources: Iterable[tuple[str, str | ReadError]], settings: Settings, batch: int = 64
) -> Result:
    """Lint (path, text) pairs; a ReadError in place of text is reported, not fatal."""
    result = Result()
    project = Project(settings)
    pending: list[Document] = []

    def flush() -> None:
        if not pending:
            return
        analyses = analyse_many(pending, settings)
        for an in analyses:
            project.add(an)
        for an in analyses:
            for line, msg in an.doc.problems:
                result.errors.append(InputError(an.doc.path, msg, line))
            result.findings.extend(findings_for(an, settings, project, result.errors))
        pending.clear()

    for path, text in sources:
        result.files += 1
        if isinstance(text, ReadError):
            result.errors.append(InputError(path, str(text)))
            continue
        if len(text) > MAX_BYTES:
            result.errors.append(InputError(path, f"file is larger than {MAX_BYTES // 2**20} MB; "
                                                  "not linted"))
            continue
        pending.append(parse(text, path))
        if len(pending) >= batch:
            flush()
    flush()
    result.findings.sort(key=Finding.sort_key)
    result.errors.sort(key=lambda e: (e.path, e.line or 0))
    return result


def with_severity(findings: list[Finding], settings: Settings) -> list[Finding]:
    return [replace(f, severity=settings.severity.get(f.rule, f.severity)) for f in findings]
