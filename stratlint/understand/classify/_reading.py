"""The first stage of classifying a statement: read what it holds, once, for every later stage.

Quantities, counts (and which of them are operational), the frame, who / why / trade-off, and
the operational specificity that makes a tactic (S102): a `Reading`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from stratlint.model import Kind, Statement
from stratlint.understand.classify._common import (
    _ENUMERATED,
    WHO,
    Evidence,
    _in_spans,
    _only_generic_who,
    _span_text,
    _tok_index_at,
    covered_tokens,
    in_any,
)
from stratlint.understand.nlp import Signals, Tok
from stratlint.understand.shape import Shape

Spans = list[tuple[int, int]]
_NUMBERING = re.compile(r"\d+(?:\.\d+)*\.?")  # "4.", "2.1"


class Reading(NamedTuple):
    """What one statement holds, gathered once and read by every stage of the decision."""

    stmt: Statement
    sig: Signals  # inline fields ("Owner: …") already taken out
    section_kind: Kind
    shape: Shape
    verb: Tok | None  # the main verb, if any
    metric_spans: Spans
    activity_nouns: tuple[tuple[int, int], ...]
    quant_spans: Spans  # percentages, money, multipliers, from-to ranges
    counts_metric: Spans  # a count attached to a measurable thing: "40 new logos"
    counts_any: Spans  # operational counts: "50 calls", "3 AEs"
    quant: bool  # a quantity of any of those kinds, or "by N"
    fact: bool  # told as a fact (past, or present without a target frame)
    who: bool
    why: bool
    tradeoff: bool
    universal: bool
    specific: tuple[Evidence, ...]  # operational specificity: frequency, count, date, owner…

    @property
    def toks(self) -> tuple[Tok, ...]:
        return self.sig.tokens


def read(stmt: Statement, sig: Signals, shape: Shape, section_kind: Kind) -> Reading:
    """Everything the later stages ask about one statement (`sig` without its inline fields).
    Its labelled spans are read from the signals' table directly (`get`), not through a
    `Signals.has` / `Signals.get` call each: read() asks a score of them of every statement."""
    toks = sig.tokens
    get = sig.spans.get
    metric_spans = list(get("metrics", ()))
    activity_nouns = tuple(sp for sp in get("activity-nouns", ()) if not _in_compound(sig.text, sp))
    quant_spans = [
        *get("PERCENT", ()),
        *get("MONEY", ()),
        *get("MULTIPLIER", ()),
        *get("FROM_TO", ()),
    ]
    counts_metric, counts_any = _counts(sig, toks, metric_spans, activity_nouns)
    quant = bool(quant_spans or counts_metric or get("BY_AMOUNT"))
    counts_any = _operational(sig, toks, shape, counts_any, activity_nouns)
    who = any(map(get, WHO)) and not _only_generic_who(sig)
    return Reading(
        stmt=stmt,
        sig=sig,
        section_kind=section_kind,
        shape=shape,
        verb=toks[shape.verb] if shape.verb >= 0 else None,
        metric_spans=metric_spans,
        activity_nouns=activity_nouns,
        quant_spans=quant_spans,
        counts_metric=counts_metric,
        counts_any=counts_any,
        quant=quant,
        fact=_is_fact(sig, shape),
        who=who,
        why=bool(get("value") or get("VALUE_CLAIM")) or (who and bool(get("value-weak"))),
        tradeoff=bool(get("tradeoff")),
        universal=bool(get("universal")),
        specific=_specificity(stmt, sig, shape, counts_any, quant_spans, activity_nouns),
    )


def _counts(
    sig: Signals,
    toks: Sequence[Tok],
    metric_spans: Spans,
    activity_nouns: Sequence[tuple[int, int]],
) -> tuple[Spans, Spans]:
    """(counts of a measurable thing, every other count of a noun): "1,200 active merchants",
    "40 new logos" / "50 cold calls"."""
    counts_metric: Spans = []
    counts_any: Spans = []
    numbers = sig.spans.get("NUMBER", ())
    if not numbers:
        return counts_metric, counts_any
    # Read once for every number, not span by span for each (a long paragraph holds hundreds).
    metric, activity = covered_tokens(toks, metric_spans), covered_tokens(toks, activity_nouns)
    in_date = in_any(sig.spans.get("DATE", ()))
    for a, _b in numbers:
        k = _tok_index_at(toks, a)
        if k < 0 or in_date(a) or _enumerator(toks, k):
            continue
        tail = range(k + 1, min(k + 5, len(toks)))
        hit = next((i for i in tail if i in metric and i not in activity), None)
        if hit is not None:
            counts_metric.append((a, toks[hit].end))
            continue
        for j in tail:
            t = toks[j]
            if "N" in t.flags or t.text[:1].isupper() or j in activity:
                end = t.end
                for j2 in range(j + 1, tail.stop):  # the whole compound: "50 cold calls"
                    if "N" not in toks[j2].flags and j2 not in activity:
                        break
                    end = toks[j2].end
                counts_any.append((a, end))
                break
    return counts_metric, counts_any


def _operational(
    sig: Signals,
    toks: Sequence[Tok],
    shape: Shape,
    counts_any: Spans,
    activity_nouns: Sequence[tuple[int, int]],
) -> Spans:
    """Which counts are operational ("50 calls", "20 blocks", "3 AEs") and which describe a
    segment ("chains with five or more clinics"): a count is operational when it counts an
    activity, a role or resource, or is the object of the verb."""
    obj_start = toks[shape.verb + 1].start if 0 <= shape.verb < len(toks) - 1 else -1
    if shape.verb >= 0 and _in_spans(toks[shape.verb], sig.spans.get("choice-verbs", ())):
        obj_start = -1  # "Target the 300 independent pharmacies": the size of a segment
    op_counts: Spans = []
    if not counts_any:
        return op_counts
    # The tokens an activity, role or resource span holds, read once for every count.
    counted = covered_tokens(toks, [*activity_nouns, *sig.get("roles"), *sig.get("resources")])
    for a, b in counts_any:
        k = _tok_index_at(toks, a)
        if (
            k + 2 < len(toks)
            and toks[k + 1].text in ("-", "‑")
            and toks[k + 1].start == toks[k].end
            and toks[k + 2].text[:1].isalpha()
        ):
            continue  # "24-month price lock", "12-step sequence": a description, not a count
        noun = next((j for j in range(k + 1, min(k + 5, len(toks))) if toks[j].end == b), None)
        if (
            noun is not None
            and noun in counted
            or obj_start >= 0
            and a <= obj_start + 4
            and a >= obj_start
        ):
            op_counts.append((a, b))
    return op_counts


def _specificity(
    stmt: Statement,
    sig: Signals,
    shape: Shape,
    counts_any: Spans,
    quant_spans: Spans,
    activity_nouns: Sequence[tuple[int, int]],
) -> tuple[Evidence, ...]:
    """The operational specificity that makes a tactic (S102): a frequency, a count, a date, an
    owner, an activity, a named event."""
    specific: list[Evidence] = []
    get = sig.spans.get
    for lab in ("FREQUENCY", "frequencies"):
        if get(lab):
            specific.append(Evidence("frequency", _span_text(sig, lab)))
            break
    if counts_any and not quant_spans:
        specific.append(Evidence("count", ", ".join(sig.text[a:b] for a, b in counts_any)))
    if get("DATE"):
        specific.append(Evidence("date", _span_text(sig, "DATE")))
    if (
        get("HANDLE")
        or get("OWNER_MARKER")
        or (stmt.fields and any(f.label == "owner" for f in stmt.fields))
    ):
        specific.append(
            Evidence(
                "owner",
                _span_text(sig, "HANDLE") or _span_text(sig, "OWNER_MARKER") or "owner field",
            )
        )
    if activity_nouns:
        specific.append(Evidence("activity", _span_text(sig, "activity-nouns")))
    named = _named_event(sig, sig.tokens, shape)
    if named:
        specific.append(Evidence("named", named))
    return tuple(specific)


def _in_compound(text: str, span: tuple[int, int]) -> bool:
    """ "post" in "post-acute", "launch" in "pre-launch": a piece of a hyphenated word."""
    a, b = span
    after = b + 1 < len(text) and text[b] in "-‑" and text[b + 1].isalpha()
    before = a > 1 and text[a - 1] in "-‑" and text[a - 2].isalpha()
    return after or before


def _enumerator(toks: Sequence[Tok], k: int) -> bool:
    """ "4. Annual contracts", "Pillar 2:", "KR 2.1": a number that numbers, not one that counts."""
    nxt = toks[k + 1].text if k + 1 < len(toks) else ""
    if k == 0 and nxt in {".", ")", ":", "—", "–", "-"}:
        return True
    if k == 0 and len(toks) > 1 and _NUMBERING.fullmatch(toks[0].text):
        return nxt in {".", ")", ":"} or toks[0].text.endswith(".")
    prev = toks[k - 1].lower if k else ""
    return prev in _ENUMERATED and (nxt in {":", ".", ")", "—", "–", "-", ""} or k <= 2)


def _is_fact(sig: Signals, shape: Shape) -> bool:
    frame = shape.frame
    if frame == "past":
        return True
    target = bool(sig.spans.get("TARGET_FRAME"))
    if target and frame != "present":
        return False
    if frame == "present":
        return not target or bool(sig.spans.get("PAST_FRAME"))
    return bool(frame == "noun" and sig.spans.get("PAST_FRAME") and not target)


def _named_event(sig: Signals, toks: Sequence[Tok], shape: Shape) -> str:
    """A capitalised name after an activity verb: "Attend HIMSS", "Sponsor Dreamforce"."""
    if shape.verb < 0 or shape.frame not in {"imperative", "modal", "present"}:
        return ""
    verb = toks[shape.verb]
    if verb.lower not in {
        "attend",
        "sponsor",
        "exhibit",
        "speak",
        "present",
        "host",
        "attends",
        "sponsors",
        "exhibits",
        "hosts",
    }:
        return ""
    for t in toks[shape.verb + 1 : shape.verb + 3]:
        if t.text[:1].isupper() and not t.flags:
            return t.text
    return ""
