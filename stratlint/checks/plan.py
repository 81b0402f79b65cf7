"""Checks on plan and goals scopes: P201–P207."""

from __future__ import annotations

import re
from collections.abc import Iterator

from stratlint import lexicon
from stratlint.checks._registry import Context, Hit, check, quote
from stratlint.links import LinkStatus, names_strategy
from stratlint.model import Cls, Field, Kind, Statement
from stratlint.nlp import Signals
from stratlint.understand.analysis import Analysis, Scope
from stratlint.understand.shape import sentence_shape

_PLACEHOLDER = re.compile(
    r"^\s*(?:\[[^\]]*\]|<[^>]*>|\{[^}]*\}|_+|\?+|-+|—|–|x+|n/?a|tbd|tbc|"
    r"to be (?:decided|determined|confirmed)|none|unassigned|\.\.\.|…)?\s*$",
    re.IGNORECASE,
)
_PRONOUNS = {
    "we",
    "i",
    "you",
    "they",
    "he",
    "she",
    "it",
    "our",
    "us",
    "everyone",
    "someone",
    "somebody",
    "nobody",
    "anyone",
    "this",
    "that",
    "these",
    "those",
    "there",
}
_TARGET_HEAD = re.compile(
    r"\b(?:target|goal|kpi|key result|success metric|measure of success)", re.IGNORECASE
)
_AUDIENCE = {"for", "to", "with", "at", "from", "among", "targeting", "aimed"}


def _judged(a: Analysis, st: Statement) -> bool:
    """D401/D402 never take a plan section's label away (SPEC §8.5); only a heading that joins
    two kinds makes a section neither."""
    return a.mixed.get(st.section) != "heading"


def _plan_items(a: Analysis, scope: Scope) -> Iterator[Statement]:
    for st in a.statements_of(scope, headings=False):
        if st.is_field or not _judged(a, st) or _objective(a, st) or not a.sure(st):
            continue
        if a.cls(st) == Cls.ACTION:
            yield st


_KEY_RESULT = re.compile(r"^\W*(?:kr|key result)\s*\d*\b", re.IGNORECASE)


def _has_field(st: Statement, label: str) -> bool:
    """The item says it in a field: the field decides ('Owner: TBD' is no owner), not the tags."""
    return any(f.label == label for f in st.fields)


def _objective(a: Analysis, st: Statement) -> bool:
    """An objective with key results under it (SPEC §8.10): its sub-items, or for a heading the
    items of its section, include a key result (labelled KR, or a target with a number)."""
    if st.form == "heading":
        under = [a.doc.statements[i] for i in a.doc.sections[st.section].statements]
    else:
        under = [x for x in a.doc.statements[st.index + 1 : st.index + 40] if x.parent == st.index]
    for x in under:
        if _KEY_RESULT.match(x.text):
            return True
        v = a.verdicts.get(x.index)
        if v is not None and v.cls == Cls.GOAL and not v.vague:
            return True
    return False


def _weak(value: str, weak: frozenset[str]) -> bool:
    v = value.strip().strip("*_ ").lower()
    if _PLACEHOLDER.match(v):
        return True
    return v in weak or v.rstrip(".") in weak


def _ancestors(a: Analysis, st: Statement) -> Iterator[Statement]:
    p = st.parent
    while p is not None:
        parent = a.doc.statements[p]
        yield parent
        p = parent.parent


def _section_chain(a: Analysis, st: Statement, scope: Scope) -> Iterator[int]:
    s: int | None = st.section
    while s is not None:
        yield s
        if s == a.top and a.top != 0:
            yield 0
        if s not in scope.sections:
            break
        s = a.doc.sections[s].parent


# -- owners -------------------------------------------------------------------------------------


def _owner_in_text(a: Analysis, sig: Signals, heading: bool = False) -> bool:
    if sig.has("HANDLE"):
        return True
    if sig.has("OWNER_MARKER"):
        return True
    toks = sig.tokens
    roles = sig.get("roles")
    weak = lexicon.term_set("weak-owners", a.lexicon_extra)
    shape = sentence_shape(toks)
    subject_end = toks[shape.verb].start if shape.verb >= 0 and shape.subject else -1
    for a0, b0 in roles:
        k = next((i for i, t in enumerate(toks) if t.start == a0), -1)
        prev = toks[k - 1].lower if k > 0 else ""
        prev2 = toks[k - 2].lower if k > 1 else ""
        if prev in _AUDIENCE or prev2 in _AUDIENCE and prev in {"the", "our", "all", "new", "each"}:
            continue  # the audience: "a webinar for IT managers"
        word = sig.text[a0:b0]
        if word.lower() in weak:
            continue
        # A role or team owns the item where it is written as a name ("RevOps", "AE", "Marketing")
        # or stands where owners stand (the subject, in brackets, after a dash).
        if (
            any(c.isupper() for c in word)
            or a0 < subject_end
            or prev in {"(", "—", "–", "-", ":", "/", "|", "by"}
        ):
            return True
    return _person(sig, heading, weak)


def _person(sig: Signals, heading: bool, extra_weak: frozenset[str]) -> bool:
    """A person's name where owners stand: the subject, in brackets, or after a dash at the end."""
    toks = [t for t in sig.tokens if t.text.strip()]
    if not toks:
        return False
    skip_spans = [
        s
        for lab in (
            "months",
            "geographies",
            "industries",
            "segments",
            "resources",
            "DATE",
            "channels",
            "activity-nouns",
            "metrics",
            "MONEY",
        )
        for s in sig.get(lab)
    ]

    def name_like(i: int) -> bool:
        t = toks[i]
        if not (t.text[:1].isupper() and t.text[1:].islower() and t.text.isalpha()):
            return False
        if t.flags or len(t.text) < 2:
            return False
        return not any(a <= t.start < b for a, b in skip_spans)

    shape = sentence_shape(sig.tokens)
    if shape.frame in ("present", "modal") and shape.subject:
        first = shape.subject.split()[0]
        if (
            first[:1].isupper()
            and first.isalpha()
            and not lexicon.wordforms().flags.get(first.lower())
            and first.lower() not in _PRONOUNS
            and first.lower() not in set(extra_weak)
        ):
            return True
    labels = {
        "note",
        "notes",
        "goal",
        "target",
        "objective",
        "why",
        "what",
        "how",
        "when",
        "step",
        "phase",
        "week",
        "month",
        "day",
        "result",
        "outcome",
        "context",
        "summary",
        "update",
        "status",
        "risk",
        "next",
        "kpi",
        "budget",
        "owner",
        "due",
        "supports",
        "pillar",
        "example",
        "tip",
        "warning",
        "important",
        "action",
        "task",
        "milestone",
        "deadline",
    }
    colon = next((k for k, t in enumerate(toks[:5]) if t.text in {":", "—", "–"}), -1)
    if (
        colon > 0
        and all(t.text[:1].isupper() or t.lower in {"and", "&", ",", "/"} for t in toks[:colon])
        and toks[0].lower not in labels
        and not any(a <= toks[0].start < b for a, b in skip_spans)
    ):
        return True  # "Tom: write the template", "Camila and Diego: attend …"
    for i in range(len(toks)):
        if not name_like(i):
            continue
        prev = toks[i - 1].text if i else ""
        if prev in {"(", "—", "–", "-", ":", "/", "|", ";"} or (
            i == 0
            and len(toks) > 1
            and (
                toks[1].text in {":", "—", "–", "(", "to", "will", "owns", "leads", "'s"}
                or "Z" in toks[1].flags
            )
        ):
            return True
        if heading and i == 0:
            return True
        if i >= len(toks) - 3 and prev in {",", "by", "with"}:
            return True
    return False


def _field_owner(fields: tuple[Field, ...], weak: frozenset[str]) -> bool | None:
    """True: a real owner; False: only weak or placeholder owners; None: no owner field."""
    vals = [f.value for f in fields if f.label == "owner"]
    if not vals:
        return None
    return any(not _weak(v, weak) for v in vals)


def has_owner(a: Analysis, st: Statement, scope: Scope) -> bool:
    weak = lexicon.term_set("weak-owners", a.lexicon_extra)
    chain = [st, *_ancestors(a, st)]
    for item in chain:
        fo = _field_owner(item.fields, weak)
        if fo is not None:
            return fo
        sig = a.signals[item.index]
        if _owner_in_text(a, sig):
            return True
    for s in _section_chain(a, st, scope):
        sec = a.doc.sections[s]
        fo = _field_owner(sec.fields, weak)
        if fo is not None:
            return fo
        if (
            sec.heading is not None
            and s != a.doc.title
            and _owner_in_text(a, a.signals[sec.heading], heading=True)
        ):
            return True
    return False


# -- deadlines ----------------------------------------------------------------------------------


def _time_in(sig: Signals) -> bool:
    return sig.has("DATE", "FREQUENCY", "frequencies", "SLA")


def _field_due(fields: tuple[Field, ...], a: Analysis) -> bool | None:
    vals = [f.value for f in fields if f.label == "due"]
    if not vals:
        return None
    vague = lexicon.term_set("vague-times", a.lexicon_extra)
    for v in vals:
        low = v.strip().strip("*_ ").lower()
        if not low or _PLACEHOLDER.match(low) or low in vague or low.rstrip(".") in vague:
            continue
        return True
    return False


def has_deadline(a: Analysis, st: Statement, scope: Scope) -> bool:
    for item in [st, *_ancestors(a, st)]:
        fd = _field_due(item.fields, a)
        if fd is not None:
            return fd
        if _time_in(a.signals[item.index]):
            return True
    for s in _section_chain(a, st, scope):
        sec = a.doc.sections[s]
        fd = _field_due(sec.fields, a)
        if fd is not None:
            return fd
        if sec.heading is not None and _time_in(a.signals[sec.heading]):
            return True
    return False


@check("P202")
def plan_item_missing_owner(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for scope in a.plans:
        for st in _plan_items(a, scope):
            if has_owner(a, st, scope) or (a.tagged(st, "owner") and not _has_field(st, "owner")):
                continue
            yield ctx.at_statement(
                st,
                f"Plan item {quote(st.text)} has no owner.",
                "Name one accountable person or role (e.g. 'Owner: Priya (RevOps)' or '@handle'); "
                "'we', 'the team' and 'TBD' are not owners.",
                scope.title,
            )


@check("P203")
def plan_item_missing_deadline(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for scope in a.plans:
        for st in _plan_items(a, scope):
            if has_deadline(a, st, scope) or (
                a.tagged(st, "deadline") and not _has_field(st, "due")
            ):
                continue
            yield ctx.at_statement(
                st,
                f"Plan item {quote(st.text)} has no deadline.",
                "Give it a date or time frame (e.g. 'by 15 March', 'Q2', 'every Friday'); 'ASAP', "
                "'soon' and 'ongoing' are not deadlines.",
                scope.title,
            )


# -- targets, metrics, resources ----------------------------------------------------------------


def _measurable(a: Analysis, st: Statement) -> bool:
    v = a.verdicts.get(st.index)
    sig = a.signals[st.index]
    if v is not None and v.cls == Cls.GOAL and not v.vague:
        return True
    number = sig.has("PERCENT", "MONEY", "MULTIPLIER", "FROM_TO", "NUMBER")
    for f in st.fields:
        if f.label in ("kpi", "target") and re.search(r"\d", f.value):
            return True
    for head, cell in st.cells:
        if re.search(
            r"kpi|target|metric|goal|success|measure|key result", head, re.I
        ) and re.search(r"\d", cell):
            return True
    return bool(number and sig.has("metrics") and v is not None and v.cls == Cls.GOAL)


@check("P204")
def plan_missing_metric(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    # Targets in the document's own Goals / OKR sections measure its plan too.
    goal_targets = any(_measurable(a, st) for g in a.goals for st in a.statements_of(g))
    for scope in a.plans:
        sts = a.statements_of(scope)
        if not any(not s.is_field for s in sts) or goal_targets:
            continue
        if any(_measurable(a, st) or a.tagged(st, "metric") for st in sts):
            continue
        if any(
            f.label in ("kpi", "target") and re.search(r"\d", f.value)
            for s in scope.sections
            for f in a.doc.sections[s].fields
        ):
            continue
        yield ctx.at_line(
            scope.line,
            f"Plan {quote(scope.title)} sets no measurable target: nothing says how you will know "
            "it worked.",
            "Add a KPI or target with a number for the outcome (e.g. 'Target: 40 new logos by Q4', "
            "'KPI: win rate from 18% to 25%').",
            scope.title,
        )


@check("P205")
def plan_missing_resources(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for scope in a.plans:
        sts = a.statements_of(scope)
        if not any(not s.is_field for s in sts):
            continue
        if any(a.signals[st.index].has("resources", "MONEY", "RESOURCE") for st in sts):
            continue
        if any(f.label == "budget" for st in sts for f in st.fields) or any(
            f.label == "budget" for s in scope.sections for f in a.doc.sections[s].fields
        ):
            continue
        yield ctx.at_line(
            scope.line,
            f"Plan {quote(scope.title)} names no resources: no budget, headcount or tools.",
            "Say what it takes: budget, people (hires, FTE, % of time) and tools (e.g. '$60k "
            "program budget, 1 SDR hire, 6sense licence').",
            scope.title,
        )


@check("P206")
def vague_target(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    for scope in a.plans + a.goals:
        for st in a.statements_of(scope):
            if not _judged(a, st):
                continue
            v = a.verdicts.get(st.index)
            vague_field = next(
                (
                    f
                    for f in st.fields
                    if f.label == "target"
                    and not st.is_field
                    and not re.search(r"\d", f.value)
                    and f.value.strip()
                ),
                None,
            )
            if vague_field is None:
                vague_field = next(
                    (
                        Field("target", cell, st.line)
                        for head, cell in st.cells
                        if _TARGET_HEAD.search(head)
                        and cell.strip()
                        and not re.search(r"\d", cell)
                        and cell.strip().lower() not in ("—", "-", "n/a", "na")
                    ),
                    None,
                )
            if vague_field is not None and (v is None or v.cls != Cls.GOAL or not v.vague):
                yield ctx.at_statement(
                    st,
                    f"Target {quote(vague_field.value)} has no number: nobody can tell whether "
                    "it was hit.",
                    "Put a number and a date on it (e.g. 'Target: 30 SQLs by 30 June').",
                    scope.title,
                )
                continue
            if v is None or v.cls != Cls.GOAL or not v.vague or _objective(a, st) or not a.sure(st):
                continue  # an objective is measured by its key results (SPEC §8.10)
            yield ctx.at_statement(
                st,
                f"Target {quote(st.text)} has no number: nobody can tell whether it was hit.",
                "Put a number and a date on it (e.g. 'Grow pipeline from $2M to $3M by Q3').",
                scope.title,
            )


# -- strategy links -----------------------------------------------------------------------------


def _strategy_link_state(ctx: Context) -> tuple[bool, list[tuple[int, str, LinkStatus]]]:
    """(has a working strategy link, broken strategy links as (line, target, status))."""
    a = ctx.analysis
    ok = False
    broken: list[tuple[int, str, LinkStatus]] = []
    fm = a.doc.front_matter.get("strategy") if a.doc.front_matter else None
    if fm is not None:
        line = a.doc.front_matter_lines.get("strategy", 1)
        values = fm if isinstance(fm, list) else [fm]
        for val in values:
            res = ctx.resolver.resolve(str(val))
            if res.status == LinkStatus.STRATEGY:
                ok = True
            elif res.status in (LinkStatus.EXTERNAL, LinkStatus.UNKNOWN):
                ok = True  # named in front matter, not checkable here: trust the declaration
            else:
                broken.append((line, str(val), res.status))
    for link in a.doc.links:
        res = ctx.resolver.resolve(link.target)
        if res.status == LinkStatus.STRATEGY:
            if res.analysis is a and not link.target.startswith("#"):
                continue
            ok = True
        elif res.status != LinkStatus.EXTERNAL and names_strategy(link.text, link.target):
            if res.status == LinkStatus.UNKNOWN:
                ok = True  # a strategy link that cannot be checked here: no finding either way
            else:
                broken.append((link.line, link.target, res.status))
    return ok, broken


@check("P201")
def plan_without_strategy(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    if not a.plans or a.strategies or a.has_strategy_label:
        return  # a strategy heading whose content was not confirmed still leaves us unsure
    if a.doc.front_matter and "strategy" in a.doc.front_matter:
        return
    ok, broken = _strategy_link_state(ctx)
    if ok or broken:
        return
    for scope in a.plans:
        if not any(True for _ in _plan_items(a, scope)):
            continue  # no action items: nothing that needs a strategy behind it
        yield ctx.at_line(
            scope.line,
            f"Plan {quote(scope.title)} serves no strategy: the document has no strategy section "
            "and no link to one.",
            "Add a Strategy section (who you win, why they buy) or link the strategy it executes "
            "(front matter `strategy: ../strategy.md` or a link to its heading).",
            scope.title,
        )


@check("P207")
def broken_strategy_link(ctx: Context) -> Iterator[Hit]:
    a = ctx.analysis
    if not any(h == Kind.PLAN for h in a.hints) and not (
        a.doc.front_matter and "strategy" in a.doc.front_matter
    ):
        return  # only a plan's strategy link is judged (SPEC §3 P207); the link decides itself
    _, broken = _strategy_link_state(ctx)
    seen: set[tuple[int, str]] = set()
    for line, target, status in broken:
        if (line, target) in seen:
            continue
        seen.add((line, target))
        why = {
            LinkStatus.MISSING_FILE: "the file does not exist",
            LinkStatus.OUTSIDE: "it points outside the project",
            LinkStatus.MISSING_ANCHOR: "the heading anchor does not exist",
            LinkStatus.NOT_STRATEGY: "the target has no strategy section",
            LinkStatus.NOT_MARKDOWN: "the target is not a Markdown document",
        }.get(status, status.value)
        yield ctx.at_line(
            line,
            f"Strategy link {quote(target, 60)} is broken: {why}.",
            "Point it at the strategy document or its heading (GitHub anchor, e.g. "
            "`strategy.md#where-we-play`).",
        )
