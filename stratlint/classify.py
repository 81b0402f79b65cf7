"""Classify statements (GOAL / CHOICE / ACTION / CONTEXT), each decision with the evidence that
made it. Section kinds from headings are in `headings`; the sentence shape is in `shape`.

Statement classes come from the shape of the sentence and from signals that generalise (SPEC
§8.4): a change or target verb with a measurable thing or a quantity in a desired frame is a goal;
the same numbers told as a fact are context; who / where / how-we-win / what-we-won't-do is a
choice; a commitment to do something is an action. Word classes come from the word-form table, so
verbs and nouns nobody listed are still recognised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from stratlint import lexicon
from stratlint.model import Cls, Kind, Statement
from stratlint.nlp import Signals, Tok
from stratlint.shape import Shape, sentence_shape

_GRAMMAR = lexicon.grammar()
WHO = ("segments", "industries", "personas", "geographies", "markets", "channels")
_DETERMINERS = _GRAMMAR["determiners"]
_BE = _GRAMMAR["be"]
_STOP = _GRAMMAR["stop"]


@dataclass(frozen=True)
class Evidence:
    label: str
    text: str


@dataclass(frozen=True)
class Verdict:
    cls: Cls
    evidence: tuple[Evidence, ...]
    specific: tuple[Evidence, ...] = ()  # operational specificity (S102)
    who: bool = False
    why: bool = False
    vague: bool = False  # a goal with no number or a vague quantity (P206)


# -- statement classes --------------------------------------------------------------------------


def _span_text(sig: Signals, label: str) -> str:
    return ", ".join(dict.fromkeys(sig.words(label)))


def _tok_index_at(tokens: Sequence[Tok], char: int) -> int:
    for i, t in enumerate(tokens):
        if t.start <= char < t.end:
            return i
    return -1


def _in_spans(tok: Tok, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= tok.start and tok.end <= b for a, b in spans)


_PREPS = _GRAMMAR["preps"]
_INLINE_FIELD_RX = re.compile(
    r"(?:^|(?<=[\s(\[;,|·—–-]))(?:owner|dri|due|deadline|kpi|budget|supports|pillar|target|who|when|"
    r"lead|status)\s*:[^;|·—–)\]]*",
    re.IGNORECASE,
)
_CHANGE = (
    "change-up",
    "change-improve",
    "change-multiply",
    "change-reach",
    "change-down",
    "change-hold",
)
_STATIVE = _GRAMMAR["stative"]
_FACT_VERBS = _GRAMMAR["fact_verbs"]
_NON_ACTIVITY_VERBS = _GRAMMAR["non_activity_verbs"]


def _without_fields(sig: Signals) -> Signals:
    """Drop the signals that stand inside inline fields ("Owner: …", "Supports: …")."""
    regions = [(m.start(), m.end()) for m in _INLINE_FIELD_RX.finditer(sig.text)]
    if not regions:
        return sig
    spans = {
        label: tuple(s for s in v if not any(a <= s[0] and s[1] <= b for a, b in regions))
        for label, v in sig.spans.items()
    }
    return Signals(sig.text, spans, sig.tokens)


def _group_of(tok: Tok | None, sig: Signals) -> str:
    if tok is None:
        return ""
    for lab in _CHANGE:
        if _in_spans(tok, sig.get(lab)):
            return lab.split("-", 1)[1]
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


def classify(
    stmt: Statement,
    sig: Signals,
    section_kind: Kind,
    is_heading: bool = False,
    has_children: bool = False,
) -> Verdict:
    if stmt.is_field:
        return _classify_field(stmt, sig)
    sig = _without_fields(sig)
    toks = sig.tokens
    shape = sentence_shape(toks, prose=stmt.form == "sentence")
    if (
        has_children
        and shape.frame == "noun"
        and stmt.form == "item"
        and len([t for t in toks if t.text[:1].isalnum()]) <= 8
        and not sig.has("PERCENT", "MONEY", "MULTIPLIER")
    ):
        # "UK&I — Sophie Turner (BDM)" over its sub-items: a group label, not a statement.
        return Verdict(Cls.CONTEXT, (Evidence("label", "a list item that heads sub-items"),))
    verb = toks[shape.verb] if shape.verb >= 0 else None
    low = sig.text.lower()
    ev: list[Evidence] = []

    metric_spans = list(sig.get("metrics"))
    activity_nouns = tuple(sp for sp in sig.get("activity-nouns") if not _in_compound(sig.text, sp))
    quant_spans = (
        list(sig.get("PERCENT"))
        + list(sig.get("MONEY"))
        + list(sig.get("MULTIPLIER"))
        + list(sig.get("FROM_TO"))
    )
    # A count attached to a measurable thing: "1,200 active merchants", "40 new logos".
    counts_metric: list[tuple[int, int]] = []
    counts_any: list[tuple[int, int]] = []
    for a, b in sig.get("NUMBER"):
        k = _tok_index_at(toks, a)
        if k < 0 or any(a2 <= a < b2 for a2, b2 in sig.get("DATE")) or _enumerator(toks, k):
            continue
        tail = toks[k + 1 : k + 5]
        hit = next(
            (t for t in tail if _in_spans(t, metric_spans) and not _in_spans(t, activity_nouns)),
            None,
        )
        if hit is not None:
            counts_metric.append((a, hit.end))
            continue
        for j, t in enumerate(tail):
            if "N" in t.flags or t.text[:1].isupper() or _in_spans(t, activity_nouns):
                end = t.end
                for t2 in tail[j + 1 :]:  # the whole compound: "50 cold calls"
                    if "N" not in t2.flags and not _in_spans(t2, activity_nouns):
                        break
                    end = t2.end
                counts_any.append((a, end))
                break
    quant = bool(quant_spans or counts_metric or sig.has("BY_AMOUNT"))
    # Which counts are operational ("50 calls", "20 blocks", "3 AEs") and which describe a segment
    # ("chains with five or more clinics"): a count is operational when it counts an activity, a
    # role or resource, or is the object of the verb.
    obj_start = toks[shape.verb + 1].start if 0 <= shape.verb < len(toks) - 1 else -1
    if 0 <= shape.verb and _in_spans(toks[shape.verb], sig.get("choice-verbs")):
        obj_start = -1  # "Target the 300 independent pharmacies": the size of a segment
    op_counts = []
    for a, b in counts_any:
        k = _tok_index_at(toks, a)
        if (
            k + 2 < len(toks)
            and toks[k + 1].text in ("-", "‑")
            and toks[k + 1].start == toks[k].end
            and toks[k + 2].text[:1].isalpha()
        ):
            continue  # "24-month price lock", "12-step sequence": a description, not a count
        noun = next((t for t in toks[k + 1 : k + 5] if (t.start, t.end) == (t.start, b)), None)
        if noun is not None and (
            _in_spans(noun, activity_nouns)
            or _in_spans(noun, sig.get("roles"))
            or _in_spans(noun, sig.get("resources"))
        ):
            op_counts.append((a, b))
        elif obj_start >= 0 and a <= obj_start + 4 and a >= obj_start:
            op_counts.append((a, b))
    counts_any = op_counts
    fact = _is_fact(sig, shape, toks)
    target_frame = sig.has("TARGET_FRAME")

    who = sig.has(*WHO) and not _only_generic_who(sig)
    why = sig.has("value", "VALUE_CLAIM") or (who and sig.has("value-weak"))
    tradeoff = sig.has("tradeoff")
    universal = sig.has("universal")

    specific: list[Evidence] = []
    for lab in ("FREQUENCY", "frequencies"):
        if sig.has(lab):
            specific.append(Evidence("frequency", _span_text(sig, lab)))
            break
    if counts_any and not quant_spans:
        specific.append(Evidence("count", ", ".join(sig.text[a:b] for a, b in counts_any)))
    if sig.has("DATE"):
        specific.append(Evidence("date", _span_text(sig, "DATE")))
    if sig.has("HANDLE", "OWNER_MARKER") or any(f.label == "owner" for f in stmt.fields):
        specific.append(
            Evidence(
                "owner",
                _span_text(sig, "HANDLE") or _span_text(sig, "OWNER_MARKER") or "owner field",
            )
        )
    if activity_nouns:
        specific.append(Evidence("activity", _span_text(sig, "activity-nouns")))
    named = _named_event(sig, toks, shape)
    if named:
        specific.append(Evidence("named", named))

    # 1. Aspiration: "become the #1 …", "be the go-to platform for …"
    if _aspiration(sig, toks) and not fact:
        ev.append(Evidence("aspiration", _span_text(sig, "aspirations")))
        # "Become the leading platform for growing companies" wishes; it does not choose.
        return Verdict(
            Cls.GOAL, tuple(ev), tuple(specific), False, sig.has("value"), vague=not quant
        )

    # 2. Goal: a change or target verb on a measurable thing, in a desired frame.
    cverb = verb
    if shape.frame == "noun":
        for t in toks[:6]:
            if _group_of(t, sig) and ("V" in t.flags or not t.flags):
                cverb = t
                break
    group = _group_of(cverb, sig)
    if cverb is not None and group and cverb.lower == "double":
        k = toks.index(cverb)
        if k + 1 < len(toks) and toks[k + 1].lower == "down":
            group = ""  # "double down on the Midwest": a commitment, not a multiplier
    obj = _object(toks, toks.index(cverb)) if cverb is not None and group else []
    obj_metric = any(_in_spans(t, metric_spans) for t in obj)
    if (
        group == "reach"
        and obj
        and any(t.text[:1].isdigit() or _in_spans(t, sig.get("NUMBER")) for t in obj[:2])
    ):
        head = obj[-1]
        if not (
            _in_spans(head, activity_nouns)
            or _in_spans(head, sig.get("roles"))
            or _in_spans(head, sig.get("resources"))
        ):
            quant = True
    obj_vague = any(_in_spans(t, sig.get("vague-quantities")) for t in obj) or (
        cverb is not None
        and any(
            _in_spans(t, sig.get("vague-quantities"))
            for t in toks[toks.index(cverb) + 1 : toks.index(cverb) + 3]
        )
    )
    desired = not fact and (
        shape.frame in {"imperative", "infinitive", "modal", "noun"} or target_frame
    )
    activity_count_only = (
        bool(activity_nouns)
        and not quant_spans
        and not counts_metric
        and not (obj_metric and not any(_in_spans(t, activity_nouns) for t in obj))
    )
    goal = False
    labelled_target = _target_label(sig)
    if (
        labelled_target
        and sig.has("NUMBER", "DATE")
        and any(not any(da <= a < db for da, db in sig.get("DATE")) for a, _ in sig.get("NUMBER"))
    ):
        quant = True  # "KR3: average days to first payment under 21"
    vague = not quant
    comparative = (
        shape.frame == "noun" and stmt.form != "sentence" and _leading_comparative(toks, sig)
    )
    if desired and (sig.has("VAGUE_GOAL") or comparative):
        goal, vague = True, not quant
    elif desired and not activity_count_only:
        if group == "multiply" and (obj or quant):
            goal, vague = True, False
        elif group in ("up", "down") and (obj or quant):
            goal = True
        elif group == "improve" and (obj_metric or quant):
            goal = True
        elif group == "hold" and (quant_spans or sig.has("BY_AMOUNT")) and obj:
            goal = True  # "Keep churn under 2%", not "Keep the 12 largest accounts with …"
        elif group == "reach" and quant:
            goal = True
        elif group == "reach" and obj_vague and obj:
            goal, vague = True, True
        elif group == "reach" and obj_metric and sig.has("DATE"):
            goal, vague = True, False  # "Reach profitability in SMB by Q4": a dated state
        elif (
            shape.frame == "noun"
            and not group
            and quant
            and metric_spans
            and not sig.has("activity-verbs")
        ):
            goal = True
        elif _target_label(sig) and (metric_spans or quant):
            goal = True
    if goal and sig.has("VALUE_CLAIM"):
        goal = False  # "Reduce review time by up to 80%": what the customer gets, a reason to buy
    if goal:
        who = _where_phrase(sig, toks, obj)
        ev.append(Evidence("change", cverb.text if cverb is not None and group else "target"))
        if metric_spans:
            ev.append(Evidence("metric", _span_text(sig, "metrics")))
        if quant:
            ev.append(
                Evidence(
                    "quantity", ", ".join(sig.text[a:b] for a, b in quant_spans + counts_metric)
                )
            )
        if (_means_clause(low) and (who or why)) or (
            vague and re.search(r"\b(?:through|via|by\s+\w+ing)\b", low)
        ):
            ev.append(Evidence("means", "goal with the choice that reaches it"))
            return Verdict(Cls.CHOICE, tuple(ev), tuple(specific), who, why)
        return Verdict(Cls.GOAL, tuple(ev), tuple(specific), who, why, vague=vague)

    # 3. Choice or action.
    choice_verb = verb is not None and _in_spans(verb, sig.get("choice-verbs"))
    activity_verb = (
        verb is not None
        and bool(set(verb.flags) & set("VZ"))
        and not choice_verb
        and (verb.lower not in _STATIVE or _in_spans(verb, sig.get("activity-verbs")))
    )
    op_specific = [e for e in specific if e.label != "activity" or not choice_verb]
    timed = [e for e in specific if e.label in ("frequency", "date", "owner", "named")]
    if shape.frame == "present":
        # "Nadia posts a teardown every Thursday": a commitment; "Churn is 4%": a fact.
        person = _person_subject(shape, toks, sig)
        timed_only = [e for e in timed if e.label in ("frequency", "date")]
        blocked = _NON_ACTIVITY_VERBS if not person else _STATIVE | _FACT_VERBS
        committed = bool(
            activity_verb
            and verb is not None
            and verb.lower not in blocked
            and person
            and timed_only
        )
        if committed:
            fact = False
    else:
        committed = shape.frame in {"imperative", "modal", "infinitive"}

    has_plan_fields = any(f.label in ("owner", "due") and f.value.strip() for f in stmt.fields)
    if (
        section_kind == Kind.PLAN
        and stmt.form in ("item", "row")
        and has_plan_fields
        and (shape.frame in ("noun", "imperative", "modal", "infinitive"))
    ):
        return Verdict(
            Cls.ACTION, (Evidence("plan item", "owner or date field"),), tuple(specific), who, why
        )
    ours = shape.subject.lower().split()[:1] in (["we"], ["our"])
    if fact and ours and shape.frame == "present" and choice_verb:
        fact = False  # "We win where …", "We sell to …": a choice in the present tense
    if fact and not (who or why or tradeoff):
        return Verdict(Cls.CONTEXT, (Evidence("fact", shape.frame),), tuple(specific), who, why)

    negative = verb is not None and verb.lower in _NEGATIVE_CHOICE
    if committed and not negative and (activity_verb or (choice_verb and op_specific)):
        listed = verb is not None and _in_spans(verb, sig.get("activity-verbs"))
        vague_prose = stmt.form == "sentence" and not op_specific and not listed
        if vague_prose:
            pass  # "We will get there by …", "Thank you to the team": prose, not a commitment
        elif op_specific or not (who or why or tradeoff) or (listed and not (why or tradeoff)):
            strong_ops = [e for e in specific if e.label in ("frequency", "owner", "named")] or (
                counts_any and not quant_spans
            )
            if not (choice_verb and (why or tradeoff) and not strong_ops):
                ev.append(Evidence("activity", verb.text if verb else ""))
                return Verdict(Cls.ACTION, tuple(ev), tuple(specific), who, why)
    if (
        shape.frame == "noun"
        and stmt.form in {"item", "row"}
        and section_kind == Kind.STRATEGY
        and stmt.depth == 0
        and not op_specific
        and len(toks) >= 3
        and not sig.has("PAST_FRAME")
    ):
        # A verbless item in a strategy list ("Digital-first onboarding for SMEs") names a choice.
        return Verdict(
            Cls.CHOICE, (Evidence("strategy item", "a listed choice"),), tuple(specific), who, why
        )
    plan_item = section_kind == Kind.PLAN and stmt.form in ("item", "row")
    if (
        plan_item
        and who
        and not (choice_verb or why or tradeoff or universal)
        and (
            shape.frame in ("imperative", "modal")
            or (shape.frame == "present" and _person_subject(shape, toks, sig))
        )
    ):
        # "Sample lunches for office managers": in a plan, the segment is the audience.
        return Verdict(
            Cls.ACTION,
            (Evidence("plan item", "an activity for an audience"),),
            tuple(specific),
            who,
            why,
        )
    if (
        plan_item
        and shape.frame == "present"
        and activity_verb
        and _person_subject(shape, toks, sig)
        and verb is not None
        and verb.lower not in _STATIVE
    ):
        return Verdict(Cls.ACTION, (Evidence("activity", verb.text),), tuple(specific), who, why)
    if choice_verb or who or why or tradeoff or universal:
        if shape.frame == "past":
            return Verdict(Cls.CONTEXT, (Evidence("fact", "past"),), tuple(specific), who, why)
        if choice_verb:
            ev.append(Evidence("choice", verb.text if verb else ""))
        if who:
            ev.append(
                Evidence("who", ", ".join(dict.fromkeys(w for lab in WHO for w in sig.words(lab))))
            )
        if why:
            ev.append(Evidence("why", _span_text(sig, "value")))
        if tradeoff:
            ev.append(Evidence("trade-off", _span_text(sig, "tradeoff")))
        if fact and not choice_verb and not tradeoff:
            # "Hospitals lose $2M a year to denials": a fact about the customer, not a choice;
            # "Our buyer is the VP of Operations…": a choice told in the present.
            subj = shape.subject.lower().split()
            ours = (
                subj[:1] in (["we"], ["our"], ["the"])
                and (who or why)
                and shape.frame == "present"
                and verb is not None
                and verb.lower in _BE
                and (subj[-1].rstrip("s") in _WHO_SUBJECTS or subj[:1] == ["we"])
            )
            if not ours:
                return Verdict(Cls.CONTEXT, tuple(ev), tuple(specific), who, why)
        timed_noun = [e for e in specific if e.label in ("date", "owner")] or any(
            f.label in ("owner", "due") for f in stmt.fields
        )
        if shape.frame == "noun" and activity_nouns and timed_noun and stmt.form != "sentence":
            return Verdict(
                Cls.ACTION,
                (Evidence("activity", _span_text(sig, "activity-nouns")),),
                tuple(specific),
                who,
                why,
            )
        if not (
            choice_verb
            or tradeoff
            or why
            or shape.frame in ("imperative", "modal", "infinitive")
            or shape.subject.lower().split()[:1] in (["we"], ["our"])
        ):
            if shape.frame == "noun" and stmt.form == "sentence" and not universal:
                return Verdict(Cls.CONTEXT, tuple(ev), tuple(specific), who, why)
        return Verdict(Cls.CHOICE, tuple(ev), tuple(specific), who, why)
    if shape.frame == "noun" and _resource_head(toks, sig):
        return Verdict(
            Cls.CONTEXT, (Evidence("resources", _span_text(sig, "resources")),), tuple(specific)
        )
    if (
        shape.frame == "noun"
        and stmt.form != "sentence"
        and (activity_nouns or sig.has("activity-verbs"))
        and (op_specific or stmt.fields or section_kind == Kind.PLAN)
    ):
        return Verdict(
            Cls.ACTION,
            (
                Evidence(
                    "activity",
                    _span_text(sig, "activity-nouns") or _span_text(sig, "activity-verbs"),
                ),
            ),
            tuple(specific),
        )
    if (
        shape.frame == "noun"
        and stmt.form in {"item", "row"}
        and section_kind == Kind.STRATEGY
        and stmt.depth == 0
        and not op_specific
        and len(toks) >= 3
    ):
        # A verbless item in a strategy list ("Digital-first onboarding for SMEs") names a choice.
        return Verdict(
            Cls.CHOICE, (Evidence("strategy item", "a listed choice"),), tuple(specific), who, why
        )
    if (
        shape.frame == "noun"
        and stmt.form in {"item", "row"}
        and section_kind == Kind.PLAN
        and (op_specific or any(f.label in {"owner", "due"} for f in stmt.fields))
    ):
        return Verdict(Cls.ACTION, (Evidence("plan item", "owner or date"),), tuple(specific))
    return Verdict(Cls.CONTEXT, tuple(ev), tuple(specific), who, why)


_WHO_SUBJECTS = _GRAMMAR["who_subjects"]
_TEAM_HEADS = _GRAMMAR["team_heads"]


_NEGATIVE_CHOICE = _GRAMMAR["negative_choice"]
_PERSON_PRONOUNS = _GRAMMAR["person_pronouns"]
_WHERE_PREPS = _GRAMMAR["where_preps"]


_RESOURCE_HEADS = _GRAMMAR["resource_heads"]


_ENUMERATED = _GRAMMAR["enumerated"]


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
    if k == 0 and len(toks) > 1 and re.fullmatch(r"\d+(?:\.\d+)*\.?", toks[0].text):
        return nxt in {".", ")", ":"} or toks[0].text.endswith(".")
    prev = toks[k - 1].lower if k else ""
    return prev in _ENUMERATED and (nxt in {":", ".", ")", "—", "–", "-", ""} or k <= 2)


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


def _resource_head(toks: Sequence[Tok], sig: Signals) -> bool:
    """ "Program budget €320k", "Trade budget for FY26 is $1.9M": a resource line, not an item."""
    for t in toks[:4]:
        if t.lower in _RESOURCE_HEADS:
            return True
        if t.text in {":", ",", "—", "–", "("}:
            break
    return False


def _person_subject(shape: Shape, toks: Sequence[Tok], sig: Signals) -> bool:
    """The subject is a person, a role or our own team: "Nadia", "Each rep", "We", "AEs"."""
    words = shape.subject.split()
    if not words:
        return False
    head = words[-1]
    low = head.lower()
    if low in _PERSON_PRONOUNS or words[0].lower() in {"each", "every"}:
        return True
    if low in _TEAM_HEADS and (
        len(words) == 1
        or words[0].lower() in {"our", "the"}
        or words[0].endswith(("'s", "’s"))
        or words[0][:1].isupper()
    ):
        return True  # "Rosa's team", "The SDR team", "Our partnerships team"
    tok = next((t for t in toks if t.text == head), None)
    if tok is not None and _in_spans(tok, sig.get("roles")):
        return True
    if not (head[:1].isupper() and head.isalpha()):
        return False
    verb = toks[shape.verb] if shape.verb >= 0 else None
    # A capitalised name ("Nadia", also "Tom", which is a word too) before a singular verb.
    return not lexicon.wordforms().flags.get(low) or (
        len(words) == 1 and verb is not None and "Z" in verb.flags
    )


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


def _classify_field(stmt: Statement, sig: Signals) -> Verdict:
    m = re.match(r"\s*([^:=]+)[:=]\s*(.*)", stmt.text)
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


def _is_fact(sig: Signals, shape: Shape, toks: Sequence[Tok]) -> bool:
    if shape.frame == "past":
        return True
    if sig.has("TARGET_FRAME") and shape.frame != "present":
        return False
    if shape.frame == "present":
        return not sig.has("TARGET_FRAME") or bool(sig.get("PAST_FRAME"))
    if shape.frame == "noun" and sig.has("PAST_FRAME") and not sig.has("TARGET_FRAME"):
        return True
    return False


def _target_label(sig: Signals) -> bool:
    return bool(
        re.match(r"\W*(target|goal|kr\s?\d*|key result\s?\d*|okr)\s*[:\-–—]", sig.text, re.I)
    )


def _means_clause(low: str) -> bool:
    return bool(
        re.search(
            r"\b(by|through|via|with|from)\s+(focusing|concentrating|selling|"
            r"targeting|winning|moving|entering|expanding into|partnering|bundling|"
            r"pricing|positioning|serving|going after|specializing|specialising)\b",
            low,
        )
    )


def _only_generic_who(sig: Signals) -> bool:
    """'customers', 'accounts', 'clients' alone do not choose anyone."""
    generic = _GRAMMAR["generic_who"]
    words = {w.lower() for lab in WHO for w in sig.words(lab)}
    return bool(words) and words <= generic


def _aspiration(sig: Signals, toks: Sequence[Tok]) -> bool:
    if not sig.has("aspirations"):
        return False
    asp = sig.get("aspirations")
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
        if t.lower in {"make", "making"} and i < 3:
            if any(
                _in_spans(t2, asp)
                and t2.lower in {"largest", "biggest", "top", "#1", "leading", "number", "first"}
                for t2 in toks[i + 1 : i + 7]
            ):
                return True  # "Make the Midwest our largest region by revenue"
    return False


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


def content_words(text: str) -> set[str]:
    """Key terms of a text (lemmas of content words), for traceability between pillars and items."""
    wf = lexicon.wordforms()
    out = set()
    for w in re.findall(r"[a-z][a-z0-9&+-]*", text.lower()):
        if w in _STOP or len(w) < 3:
            continue
        lemma = wf.noun_lemma.get(w) or wf.verb_lemma.get(w) or w
        out.add(lemma)
    return out
