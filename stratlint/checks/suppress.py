"""Inline suppressions in HTML comments, and front matter `stratlint: {ignore: [...]}`.

    <!-- stratlint-disable S101 P202 -->  …  <!-- stratlint-enable -->
    <!-- stratlint-disable-next-line P203 -->
    <!-- stratlint-disable-line S106 -->       (on the line where the finding starts)
    <!-- stratlint-disable-file -->
    <!-- stratlint-disable-next-line S101 -- quoted from the board deck -->

Rules are named by ID, prefix (S, P2) or name (goal-as-strategy); no rule means every rule; text
after ` -- ` is a reason and is not read. A section-level finding, reported at its heading, is
suppressed by a comment that covers the heading line. `disable-next-line` covers the next line
that is neither blank nor a comment of its own. Comments inside code blocks are code, not
directives.

`collect` also returns the problems of the directives themselves (an unknown directive or rule,
a front matter `stratlint:` value of the wrong shape); `Suppressions.unused` lists directives that
suppressed nothing, for `--report-unused-disables`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from stratlint import catalog
from stratlint.model import Document, Finding

KINDS = ("disable", "enable", "disable-next-line", "disable-line", "disable-file")
_DIRECTIVE = re.compile(r"^\s*stratlint-([a-z][a-z-]*)(?=\s|$)(.*)$", re.IGNORECASE | re.DOTALL)
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)")
_ONLY_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")


@dataclass
class Directive:
    line: int
    kind: str
    all_rules: bool  # written without rules: every rule
    tokens: tuple[tuple[str, frozenset[str]], ...] = ()  # (as written, the IDs it names)
    target: int = 0  # disable-next-line: the line it covers
    where: str = ""  # how to show it in messages
    used: set[str] = field(default_factory=set)  # IDs it suppressed

    @property
    def rules(self) -> frozenset[str]:
        return frozenset(i for _, ids in self.tokens for i in ids)

    def covers(self, rule: str) -> bool:
        return self.all_rules or rule in self.rules


@dataclass
class Suppressions:
    directives: list[Directive] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, message)

    def suppresses(self, f: Finding) -> bool:
        hit = False
        state: Directive | None = None
        for d in self.directives:
            if not d.covers(f.rule):
                continue
            if (
                d.kind == "disable-file"
                or (d.kind == "disable-next-line" and f.line == d.target)
                or (d.kind == "disable-line" and f.line == d.line)
            ):
                d.used.add(f.rule)
                hit = True
            elif d.line <= f.line:
                # Ranges: the latest disable or enable at or before the finding's line decides.
                if d.kind == "disable":
                    state = d
                elif d.kind == "enable":
                    state = None
        if state is not None:
            state.used.add(f.rule)
            hit = True
        return hit

    def unused(self, active: Collection[str]) -> list[tuple[int, str]]:
        """Directives (or rules named in them) that suppressed nothing. Rules that did not run
        on this file (`active` holds those that did) are not reported: the directive may be
        needed under another configuration."""
        out: list[tuple[int, str]] = []
        for d in self.directives:
            if d.kind == "enable":
                continue
            if d.all_rules:
                if not d.used:
                    out.append(
                        (d.line, f"unused suppression: {d.where} suppresses nothing; remove it")
                    )
                continue
            idle = [tok for tok, ids in d.tokens if ids & set(active) and not ids & d.used]
            if idle:
                what = ", ".join(idle)
                verb = "suppresses" if len(idle) == 1 else "suppress"
                out.append(
                    (d.line, f"unused suppression: {what} in {d.where} {verb} nothing; remove it")
                )
        return out


def _rules_of(
    text: str, line: int, where: str, problems: list[tuple[int, str]]
) -> tuple[tuple[str, frozenset[str]], ...]:
    out: list[tuple[str, frozenset[str]]] = []
    for tok in re.split(r"[\s,]+", text.strip()):
        if not tok:
            continue
        found = catalog.resolve(tok)
        if found:
            out.append((tok, frozenset(found)))
        else:
            problems.append(
                (
                    line,
                    f"unknown rule '{tok}' in {where} (see `stratlint rules`; "
                    "write a reason after ' -- ')",
                )
            )
    return tuple(out)


def collect(doc: Document) -> Suppressions:
    s = Suppressions()
    last_line = len(doc.line_starts)
    for line, body in doc.comments:
        m = _DIRECTIVE.match(body)
        if not m:
            continue
        kind = m.group(1).lower()
        if kind not in KINDS:
            s.problems.append(
                (
                    line,
                    f"unknown directive 'stratlint-{m.group(1)}'; known: "
                    + ", ".join(f"stratlint-{k}" for k in KINDS),
                )
            )
            continue
        rules_text = _REASON.split(m.group(2), maxsplit=1)[0]
        where = f"stratlint-{kind}"
        tokens = _rules_of(rules_text, line, where, s.problems)
        d = Directive(
            line,
            kind,
            all_rules=not rules_text.split(),
            tokens=tokens,
            where=where if not tokens else f"{where} {' '.join(t for t, _ in tokens)}",
        )
        if kind == "disable-next-line":
            # The next line that is not blank and not only a comment (directives may stack).
            target = line + 1
            while target <= last_line and (
                not doc.line_text(target).strip() or _ONLY_COMMENT.match(doc.line_text(target))
            ):
                target += 1
            d.target = target
        s.directives.append(d)
    _front_matter(doc, s)
    s.directives.sort(key=lambda d: d.line)
    return s


def _front_matter(doc: Document, s: Suppressions) -> None:
    if not doc.front_matter or "stratlint" not in doc.front_matter:
        return
    value = doc.front_matter["stratlint"]
    line = doc.front_matter_lines.get("stratlint", 1)
    shape = "front matter 'stratlint' must be a mapping like {ignore: [P205]}"
    if not isinstance(value, dict):
        s.problems.append((line, shape))
        return
    for key in value:
        if key != "ignore":
            s.problems.append(
                (line, f"unknown key '{key}' in front matter 'stratlint'; known: ignore")
            )
    ignore = value.get("ignore")
    if ignore is None:
        return
    if isinstance(ignore, str):
        ignore = [ignore]
    if not isinstance(ignore, list) or not all(isinstance(x, str) for x in ignore):
        s.problems.append(
            (line, "front matter 'stratlint: ignore' must be a list of rule IDs or names")
        )
        return
    where = "front matter 'stratlint: ignore'"
    tokens = _rules_of(" ".join(ignore), line, where, s.problems)
    if tokens:
        s.directives.append(
            Directive(line, "disable-file", all_rules=False, tokens=tokens, where=where)
        )
