"""Classify statements (GOAL / CHOICE / ACTION / CONTEXT), each decision with the evidence that
made it. Section kinds from headings are in `headings`; the sentence shape is in `shape`.

Statement classes come from the shape of the sentence and from signals that generalise (SPEC
§8.4): a change or target verb with a measurable thing or a quantity in a desired frame is a goal;
the same numbers told as a fact are context; who / where / how-we-win / what-we-won't-do is a
choice; a commitment to do something is an action. Word classes come from the word-form table, so
verbs and nouns nobody listed are still recognised.

The decision runs in stages, each in its own module; a stage returns a `Verdict` or passes:

    _reading   read what the statement holds, once (quantities, counts, frame, who / why)
    _goal      1. an aspiration, 2. a goal
    _choice    3. a choice, an action or context
    _common    the verdict records, the grammar word lists, span helpers
"""

from __future__ import annotations

import re

from stratlint.model import Cls, Kind, Statement
from stratlint.understand.classify._choice import choice_or_action
from stratlint.understand.classify._common import (
    WHO,
    Evidence,
    Verdict,
    _only_generic_who,
    content_words,
)
from stratlint.understand.classify._goal import aspiration, goal
from stratlint.understand.classify._reading import read
from stratlint.understand.nlp import Signals
from stratlint.understand.shape import Shape, shape_of

_INLINE_FIELD_RX = re.compile(
    r"(?:^|(?<=[\s(\[;,|·—–-]))(?:owner|dri|due|deadline|kpi|budget|supports|pillar|target|who|when|"
    r"lead|status)\s*:[^;|·—–)\]]*",
    re.IGNORECASE,
)

_FIELD_LINE = re.compile(r"\s*([^:=]+)[:=]\s*(.*)")


# Verdicts of statements already classified in this process. A verdict depends only on what
# the key holds and on the statement's signals (compared in full on a hit), never on where the
# statement stands, so a line repeated verbatim in the same kind of section ("Pipeline reviews
# happen on Fridays.", a template's rows) is classified once.
_SEEN: dict[tuple[object, ...], tuple[Signals, Verdict]] = {}
_SEEN_MAX = 5_000  # a few batches of documents; bounded memory


def classify(
    stmt: Statement,
    sig: Signals,
    section_kind: Kind,
    is_heading: bool = False,
    has_children: bool = False,
) -> Verdict:
    """The class of one statement in a section of `section_kind`, with its evidence."""
    key = (
        stmt.text,
        stmt.form,
        stmt.depth,
        stmt.is_field,
        tuple((f.label, f.value) for f in stmt.fields) if stmt.fields else (),
        section_kind,
        is_heading,
        has_children,
    )
    seen = _SEEN.get(key)
    if seen is not None and (seen[0] is sig or seen[0] == sig):
        return seen[1]
    verdict = _classify(stmt, sig, section_kind, has_children)
    if len(_SEEN) >= _SEEN_MAX:
        _SEEN.clear()
    _SEEN[key] = (sig, verdict)
    return verdict


def _classify(stmt: Statement, sig: Signals, section_kind: Kind, has_children: bool) -> Verdict:
    if stmt.is_field:
        return _classify_field(stmt, sig)
    sig = _without_fields(sig)
    shape = shape_of(sig.tokens, prose=stmt.form == "sentence")
    if has_children and _group_label(stmt, sig, shape):
        # "UK&I — Sophie Turner (BDM)" over its sub-items: a group label, not a statement.
        return Verdict(Cls.CONTEXT, (Evidence("label", "a list item that heads sub-items"),))
    r = read(stmt, sig, shape, section_kind)
    verdict = aspiration(r)
    if verdict is None:
        verdict = goal(r)
    if verdict is None:
        verdict = choice_or_action(r)
    return verdict


def _group_label(stmt: Statement, sig: Signals, shape: Shape) -> bool:
    """A short verbless list item with no quantity, over sub-items."""
    return (
        shape.frame == "noun"
        and stmt.form == "item"
        and len([t for t in sig.tokens if t.text[:1].isalnum()]) <= 8
        and not sig.has("PERCENT", "MONEY", "MULTIPLIER")
    )


def _without_fields(sig: Signals) -> Signals:
    """Drop the signals that stand inside inline fields ("Owner: …", "Supports: …")."""
    if ":" not in sig.text:
        return sig  # every field has its colon (issue 15)
    regions = [(m.start(), m.end()) for m in _INLINE_FIELD_RX.finditer(sig.text)]
    if not regions:
        return sig
    spans = {
        label: tuple(s for s in v if not any(a <= s[0] and s[1] <= b for a, b in regions))
        for label, v in sig.spans.items()
    }
    return Signals(sig.text, spans, sig.tokens)


def _classify_field(stmt: Statement, sig: Signals) -> Verdict:
    m = _FIELD_LINE.match(stmt.text)
    label = m.group(1).strip().lower() if m else ""
    value = m.group(2) if m else ""
    if label in {
        "target",
        "targets",
        "goal",
        "kpi",
        "kpis",
        "metric",
        "success metric",
        "key result",
    }:
        quant = sig.has("PERCENT", "MONEY", "MULTIPLIER", "FROM_TO", "NUMBER")
        vague = not quant or (
            sig.has("vague-quantities") and not sig.has("PERCENT", "MONEY", "MULTIPLIER", "NUMBER")
        )
        if value.strip():
            return Verdict(Cls.GOAL, (Evidence("target field", label),), (), vague=vague)
    return Verdict(Cls.CONTEXT, (Evidence("field", label),))


__all__ = ["WHO", "Evidence", "Verdict", "_only_generic_who", "classify", "content_words"]
