"""Small helpers shared by the HTML report's parts: escaping, anchors, counting words."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape

from stratlint.model import Finding, InputError, Result
from stratlint.read.pathnames import display
from stratlint.report.summary import DocumentSummary

SEVERITIES = ("error", "warning", "info")
KINDS = ("strategy", "plan", "goals", "mixed", "other")
KIND_HELP = {
    "strategy": "strategy: who we sell to, why they buy",
    "plan": "plan: actions with owners, dates, targets",
    "goals": "goals: outcome targets",
    "mixed": "mixed: strategy and plan in one section",
    "other": "other: neither strategy nor plan",
}


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass
class Page:
    """What every part of the page reads: the run's records, indexed once, and the anchor of
    each document (`d1`, `d2`… in path order)."""

    result: Result
    sources: dict[str, str]
    paths: list[str] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)
    summaries: dict[str, DocumentSummary] = field(default_factory=dict)
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    errors: dict[str, list[InputError]] = field(default_factory=dict)

    @classmethod
    def of(cls, result: Result, sources: dict[str, str]) -> Page:
        page = cls(result, sources)
        page.summaries = {s.path: s for s in result.summaries}
        for f in result.findings:
            page.findings.setdefault(f.path, []).append(f)
        for e in result.errors:
            page.errors.setdefault(e.path, []).append(e)
        linted = set(sources) | set(page.summaries) | set(page.findings)
        page.paths = sorted(linted)
        page.ids = {p: f"d{i}" for i, p in enumerate(page.paths, 1)}
        return page

    def counts(self, path: str) -> dict[str, int]:
        out = dict.fromkeys(SEVERITIES, 0)
        for f in self.findings.get(path, ()):
            out[f.severity.value] += 1
        return out

    def doc_link(self, path: str, line: int | None = None, text: str | None = None) -> str:
        """A link to a document's part of the page (to a line's section where there is one);
        plain text for a document that is not on the page."""
        label = esc(display(path) if text is None else text)
        anchor = self.ids.get(path)
        if anchor is None:
            return label
        target = anchor if line is None else f"{anchor}-L{line}"
        if line is not None and not self._has_line_anchor(path, line):
            target = anchor
        return f'<a href="#{target}">{label}</a>'

    def _has_line_anchor(self, path: str, line: int) -> bool:
        s = self.summaries.get(path)
        return s is not None and any(sec.line == line for sec in s.sections)


def severity_badges(counts: dict[str, int], empty: str = "no findings") -> str:
    parts = [
        f'<span class="sev sev-{k}">{plural(counts[k], k, "info" if k == "info" else None)}</span>'
        for k in SEVERITIES
        if counts.get(k)
    ]
    return " ".join(parts) if parts else f'<span class="clean">{esc(empty)}</span>'


def join_nonempty(parts: Iterable[str], sep: str = "\n") -> str:
    return sep.join(p for p in parts if p)
