"""Inline suppressions in HTML comments, and front matter `stratlint: {ignore: [...]}`.

    <!-- stratlint-disable S101 P202 -->  …  <!-- stratlint-enable -->
    <!-- stratlint-disable-next-line P203 -->
    <!-- stratlint-disable-file -->

Rules are named by ID or name; no rule means every rule. A section-level finding reported at a
heading is suppressed by a comment that covers the heading line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stratlint import catalog
from stratlint.model import Document, Finding

_DIRECTIVE = re.compile(
    r"^\s*stratlint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*)$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass
class Directive:
    line: int
    kind: str
    rules: frozenset[str]  # empty = all rules
    used: bool = False
    unknown: tuple[str, ...] = ()


@dataclass
class Suppressions:
    directives: list[Directive] = field(default_factory=list)
    file_rules: frozenset[str] | None = None  # None = nothing; empty = all rules
    last_line: int = 0

    def suppresses(self, f: Finding) -> bool:
        hit = False
        for d in self.directives:
            if not _covers(d, f.rule):
                continue
            if d.kind == "disable-file" or (d.kind == "disable-next-line" and f.line == _next_line(
                    self, d)) or (d.kind == "disable-line" and f.line == d.line):
                d.used = True
                hit = True
        # Ranges: the latest disable/enable before the finding's line decides.
        state: Directive | None = None
        for d in self.directives:
            if d.line > f.line:
                break
            if d.kind == "disable" and _covers(d, f.rule):
                state = d
            elif d.kind == "enable" and _covers(d, f.rule) and state is not None:
                state = None
        if state is not None:
            state.used = True
            hit = True
        return hit

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if not d.used and d.kind != "enable"]


def _next_line(s: Suppressions, d: Directive) -> int:
    return getattr(d, "target", d.line + 1)


def _covers(d: Directive, rule: str) -> bool:
    return not d.rules or rule in d.rules


def _rules_of(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    ids: set[str] = set()
    unknown: list[str] = []
    for tok in re.split(r"[\s,]+", text.strip().rstrip("-").strip()):
        if not tok:
            continue
        found = catalog.resolve(tok)
        if found and (tok.upper() in found or tok.lower() in catalog.by_name()):
            ids.update(found)
        else:
            unknown.append(tok)
    return frozenset(ids), tuple(unknown)


def collect(doc: Document) -> Suppressions:
    s = Suppressions(last_line=len(doc.line_starts))
    for line, body in doc.comments:
        m = _DIRECTIVE.match(body)
        if not m:
            continue
        kind = m.group(1).lower()
        rules, unknown = _rules_of(m.group(2))
        d = Directive(line, kind, rules, unknown=unknown)
        if kind == "disable-next-line":
            # The next line that is not blank: the comment may stand on its own line.
            target = line + 1
            while target <= s.last_line and not doc.line_text(target).strip():
                target += 1
            d.target = target  # type: ignore[attr-defined]
        s.directives.append(d)
    fm = doc.front_matter.get("stratlint") if doc.front_matter else None
    if isinstance(fm, dict):
        ignore = fm.get("ignore")
        if isinstance(ignore, str):
            ignore = [ignore]
        if isinstance(ignore, list):
            rules, unknown = _rules_of(" ".join(str(x) for x in ignore))
            if rules:
                s.directives.append(Directive(0, "disable-file", rules, unknown=unknown))
    s.directives.sort(key=lambda d: d.line)
    return s
