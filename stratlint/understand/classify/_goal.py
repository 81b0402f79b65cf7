"""The goal stages of classifying a statement: an aspiration ("become the #1 …"), then a goal
(a change or target verb on a measurable thing, in a desired frame). Each returns a `Verdict`,
or None to pass the statement on to the next stage."""

from __future__ import annotations

import re
from collections.abc import Sequence

from stratlint.model import Cls
from stratlint.understand.classify._common import (
    _DETERMINERS,
    _PREPS,
    _WHERE_PREPS,
    WHO,
    Evidence,
    Verdict,
    _in_spans,
    _only_generic_who,
    _span_text,
    _tok_index_at,
)
from stratlint.understand.classify._reading import Reading
from stratlint.understand.nlp import Signals, Tok

_CHANGE = (
    "change-up",
    "change-improve",
    "change-multiply",
    "change-reach",
    "change-down",
    "change-hold",
)
_GROUP = {lab: lab.split("-", 1)[1] for lab in _CHANGE}  # "change-up" → "up"
_DESIRED_FRAMES = {"imperative", "infinitive", "modal", "noun"}
_VAGUE_MEANS = re.compile(r"\b(?:through|via|by\s+\w+ing)\b")
_TARGET_LABEL = re.compile(r"\W*(target|goal|kr\s?\d*|key result\s?\d*|okr)\s*[:\-–—]", re.I)
_MEANS_CLAUSE = re.compile(
    r"\b(by|through|via|with|from)\s+(focusing|concentrating|selling|"
    r"targeting|winning|moving|entering|expanding into|partnering|bundling|"
    r"pricing|positioning|serving|going after|specializing|specialising)\b"
)


def aspiration(r: Reading) -> Verdict | None:
    """1. Aspiration: "become the #1 …", "be the go-to platform for …"."""
    if not _aspiration(r.sig, r.toks) or r.fact:
        return None
    ev = (Evidence("aspiration", _span_text(r.sig, "aspirations")),)
    # "Become the leading platform for growing companies" wishes; it does not choose.
    return Verdict(Cls.GOAL, ev, r.specific, False, r.sig.has("value"), vague=not r.quant)


def goal(r: Reading) -> Verdict | None:
    """2. Goal: a change or target verb on a measurable thing, in a desired frame."""
    toks = r.toks
    cverb, group = _change_verb(r)
    at = toks.index(cverb) if cverb is not None else -1
    obj = _object(toks, at) if group else []
    quant = r.quant or _counted_reach(r, group, obj) or _labelled_number(r.sig)
    is_goal, vague = _goal_decision(r, cverb, at, group, obj, quant)
    if not is_goal:
        return None
    sig = r.sig
    who = _where_phrase(sig, toks, obj)
    ev = [Evidence("change", cverb.text if cverb is not None and group else "target")]
    if r.metric_spans:
        ev.append(Evidence("metric", _span_text(sig, "metrics")))
    if quant:
        ev.append(
            Evidence(
                "quantity", ", ".join(sig.text[a:b] for a, b in r.quant_spans + r.counts_metric)
            )
        )
    low = sig.text.lower()
    if (_means_clause(low) and (who or r.why)) or (vague and _VAGUE_MEANS.search(low)):
        ev.append(Evidence("means", "goal with the choice that reaches it"))
        return Verdict(Cls.CHOICE, tuple(ev), r.specific, who, r.why)
    return Verdict(Cls.GOAL, tuple(ev), r.specific, who, r.why, vague=vague)


def _change_verb(r: Reading) -> tuple[Tok | None, str]:
    """The change or target verb and its group (up, improve, multiply, reach, down, hold)."""
    toks, spans = r.toks, r.sig.spans
    cverb = r.verb
    # The change lexicons' spans, read once for every token asked about (most statements hold
    # none of them: then no token has a group).
    changes = [(lab, found) for lab in _CHANGE if (found := spans.get(lab))]
    if not changes:
        return cverb, ""
    if r.shape.frame == "noun":
        for t in toks[:6]:
            if _group_in(t, changes) and ("V" in t.flags or not t.flags):
                cverb = t
                break
    group = _group_in(cverb, changes)
    if cverb is not None and group and cverb.lower == "double":
        k = toks.index(cverb)
        if k + 1 < len(toks) and toks[k + 1].lower == "down":
            group = ""  # "double down on the Midwest": a commitment, not a multiplier
    return cverb, group


def _counted_reach(r: Reading, group: str, obj: Sequence[Tok]) -> bool:
    """ "Reach 1,200 merchants": a count to reach is a quantity, unless it counts activities,
    roles or resources."""
    sig = r.sig
    if not (
        group == "reach"
        and obj
        and any(t.text[:1].isdigit() or _in_spans(t, sig.get("NUMBER")) for t in obj[:2])
    ):
        return False
    head = obj[-1]
    return not (
        _in_spans(head, r.activity_nouns)
        or _in_spans(head, sig.get("roles"))
        or _in_spans(head, sig.get("resources"))
    )


def _labelled_number(sig: Signals) -> bool:
    """ "KR3: average days to first payment under 21": a labelled target with a number."""
    return (
        _target_label(sig)
        and sig.has("NUMBER", "DATE")
        and any(not any(da <= a < db for da, db in sig.get("DATE")) for a, _ in sig.get("NUMBER"))
    )


def _goal_decision(
    r: Reading, cverb: Tok | None, at: int, group: str, obj: Sequence[Tok], quant: bool
) -> tuple[bool, bool]:
    """(is it a goal, is its target vague); `at`: the change verb's index."""
    sig, toks, shape = r.sig, r.toks, r.shape
    metric = r.metric_spans
    obj_metric = bool(metric) and any(_in_spans(t, metric) for t in obj)
    vq = sig.get("vague-quantities")
    obj_vague = bool(vq) and (
        any(_in_spans(t, vq) for t in obj)
        or (cverb is not None and any(_in_spans(t, vq) for t in toks[at + 1 : at + 3]))
    )
    desired = not r.fact and (shape.frame in _DESIRED_FRAMES or bool(sig.spans.get("TARGET_FRAME")))
    activity_count_only = (
        bool(r.activity_nouns)
        and not r.quant_spans
        and not r.counts_metric
        and not (obj_metric and not any(_in_spans(t, r.activity_nouns) for t in obj))
    )
    is_goal, vague = False, not quant
    comparative = (
        shape.frame == "noun" and r.stmt.form != "sentence" and _leading_comparative(toks, sig)
    )
    if desired and (sig.has("VAGUE_GOAL") or comparative):
        is_goal = True
    elif desired and not activity_count_only:
        is_goal, vague = _goal_by_verb(r, group, obj, obj_metric, obj_vague, quant)
    if is_goal and sig.has("VALUE_CLAIM"):
        is_goal = (
            False  # "Reduce review time by up to 80%": what the customer gets, a reason to buy
        )
    return is_goal, vague


def _goal_by_verb(
    r: Reading, group: str, obj: Sequence[Tok], obj_metric: bool, obj_vague: bool, quant: bool
) -> tuple[bool, bool]:
    """(is it a goal, is its target vague), by the group of its change verb."""
    sig = r.sig
    if group == "multiply" and (obj or quant):
        return True, False
    if group in ("up", "down") and (obj or quant):
        return True, not quant
    if group == "improve" and (obj_metric or quant):
        return True, not quant
    if group == "hold" and (r.quant_spans or sig.has("BY_AMOUNT")) and obj:
        return True, not quant  # "Keep churn under 2%", not "Keep the 12 largest accounts with …"
    if group == "reach" and quant:
        return True, not quant
    if group == "reach" and obj_vague and obj:
        return True, True
    if group == "reach" and obj_metric and sig.has("DATE"):
        return True, False  # "Reach profitability in SMB by Q4": a dated state
    if (
        r.shape.frame == "noun"
        and not group
        and quant
        and r.metric_spans
        and not sig.has("activity-verbs")
    ):
        return True, not quant
    if _target_label(sig) and (r.metric_spans or quant):
        return True, not quant
    return False, not quant


def _group_in(tok: Tok | None, changes: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> str:
    """The group of the first change lexicon (in `_CHANGE` order) one of whose spans holds
    `tok`; `changes`: the statement's change lexicons and their spans."""
    if tok is None:
        return ""
    for lab, found in changes:
        if _in_spans(tok, found):
            return _GROUP[lab]
    return ""


def _object(toks: Sequence[Tok], verb: int) -> list[Tok]:
    """The noun phrase a verb governs: "increase [sales]", "triple [our logo count]"."""
    out: list[Tok] = []
    i = verb + 1
    # particles and adverbs first: "ramp up", "significantly"
    while i < len(toks) and (
        toks[i].lower in {"up", "back", "down"}
        or (toks[i].flags == "R" and toks[i].lower not in _PREPS)
    ):
        i += 1
    if i < len(toks) and toks[i].lower in _PREPS:
        return []
    while i < len(toks):
        t = toks[i]
        if t.lower in _DETERMINERS or t.lower in {"our", "their", "its", "your"}:
            i += 1
            continue
        if (
            t.lower in _PREPS
            or t.lower in {"by", "and", "or", "per", "this", "next", "from"}
            or t.text in {",", ".", ";", ":", "(", ")", "—", "–", "%", "$"}
        ):
            break
        if any(c.isalpha() for c in t.text) or t.text[:1].isdigit():
            out.append(t)
            i += 1
            if len(out) >= 5:
                break
            continue
        break
    return out


def _leading_comparative(toks: Sequence[Tok], sig: Signals) -> bool:
    """ "More five-star reviews", "Fewer remakes": a comparative that opens a verbless target."""
    words = [t for t in toks if any(c.isalnum() for c in t.text)]
    colon = next((k for k, t in enumerate(toks[:6]) if t.text == ":"), -1)
    if colon >= 0:
        words = [t for t in toks[colon + 1 :] if any(c.isalnum() for c in t.text)]
    return bool(words) and words[0].lower in {
        "more",
        "fewer",
        "less",
        "higher",
        "lower",
        "better",
        "bigger",
        "larger",
        "stronger",
        "faster",
        "greater",
    }


def _where_phrase(sig: Signals, toks: Sequence[Tok], obj: Sequence[Tok]) -> bool:
    """A goal that also says where: "Grow ARR 40% in enterprise healthcare"."""
    spans = [s for lab in WHO for s in sig.get(lab)]
    if not spans or _only_generic_who(sig):
        return False
    metric = sig.get("metrics")
    for a, b in spans:
        if any(t.start >= a and t.end <= b for t in obj):
            continue
        if any(ma <= a and b <= mb for ma, mb in metric):
            continue
        k = _tok_index_at(toks, a)
        before = [t.lower for t in toks[max(0, k - 3) : k]]
        if any(w in _WHERE_PREPS for w in before):
            return True
    return False


def _target_label(sig: Signals) -> bool:
    return bool(_TARGET_LABEL.match(sig.text))


def _means_clause(low: str) -> bool:
    return bool(_MEANS_CLAUSE.search(low))


def _aspiration(sig: Signals, toks: Sequence[Tok]) -> bool:
    asp = sig.spans.get("aspirations")
    if not asp:
        return False
    for i, t in enumerate(toks):
        if t.lower in {"be", "become", "remain", "stay", "own", "lead"}:
            if i > 0 and toks[i - 1].lower in {"by", "of", "for", "while", "without", "than"}:
                continue
            nxt = toks[i + 1 : i + 4]
            if nxt and (
                _in_spans(nxt[0], asp)
                or (
                    nxt[0].lower in {"the", "a", "an", "our", "their"}
                    and len(nxt) > 1
                    and _in_spans(nxt[1], asp)
                )
            ):
                return True
        if t.lower in {"dominate"} and i < 3:
            return True
        if (
            t.lower in {"be", "become", "rank", "finish", "remain", "stay", "get"}
            and i + 3 < len(toks)
            and toks[i + 1].lower in {"in", "among", "into"}
            and toks[i + 2].lower == "the"
            and _in_spans(toks[i + 3], asp)
        ):
            return True  # "be in the top three vendors"
        if (
            t.lower in {"make", "making"}
            and i < 3
            and any(
                _in_spans(t2, asp)
                and t2.lower in {"largest", "biggest", "top", "#1", "leading", "number", "first"}
                for t2 in toks[i + 1 : i + 7]
            )
        ):
            return True  # "Make the Midwest our largest region by revenue"
    return False
