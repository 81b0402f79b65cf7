"""The last stage of classifying a statement: a choice, an action or context.

`choice_or_action` tries each test in `_TESTS` in order; the first that decides gives the
verdict, and a statement that none decides is read by `_verbless`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from stratlint import lexicon
from stratlint.model import Cls, Kind
from stratlint.understand.classify._common import (
    _BE,
    _FACT_VERBS,
    _NEGATIVE_CHOICE,
    _NON_ACTIVITY_VERBS,
    _PERSON_PRONOUNS,
    _RESOURCE_HEADS,
    _STATIVE,
    _TEAM_HEADS,
    _WHO_SUBJECTS,
    WHO,
    Evidence,
    Verdict,
    _in_spans,
    _span_text,
)
from stratlint.understand.classify._reading import Reading
from stratlint.understand.nlp import Signals, Tok
from stratlint.understand.shape import Shape

_COMMITTED_FRAMES = {"imperative", "modal", "infinitive"}


class _Stance(NamedTuple):
    """How the statement commits: its verb, its operational detail, and whether it is a fact."""

    choice_verb: bool
    activity_verb: bool
    op_specific: tuple[Evidence, ...]  # specificity that is operational for this verb
    committed: bool
    fact: bool


def _stance(r: Reading) -> _Stance:
    sig, verb, shape, toks = r.sig, r.verb, r.shape, r.toks
    get = sig.spans.get
    choice_verb = verb is not None and _in_spans(verb, get("choice-verbs", ()))
    activity_verb = (
        verb is not None
        and bool(set(verb.flags) & set("VZ"))
        and not choice_verb
        and (verb.lower not in _STATIVE or _in_spans(verb, get("activity-verbs", ())))
    )
    op_specific = tuple(e for e in r.specific if e.label != "activity" or not choice_verb)
    fact = r.fact
    if shape.frame == "present":
        # "Nadia posts a teardown every Thursday": a commitment; "Churn is 4%": a fact.
        person = _person_subject(shape, toks, sig)
        timed_only = [e for e in r.specific if e.label in ("frequency", "date")]
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
        committed = shape.frame in _COMMITTED_FRAMES
    ours = shape.subject.lower().split()[:1] in (["we"], ["our"])
    if fact and ours and shape.frame == "present" and choice_verb:
        fact = False  # "We win where …", "We sell to …": a choice in the present tense
    return _Stance(choice_verb, activity_verb, op_specific, committed, fact)


def choice_or_action(r: Reading) -> Verdict:
    """3. Choice or action (or context, where nothing chooses or commits)."""
    s = _stance(r)
    for test in _TESTS:
        verdict = test(r, s)
        if verdict is not None:
            return verdict
    return _verbless(r, s)


def _plan_item_with_fields(r: Reading, s: _Stance) -> Verdict | None:
    """A plan item or row with an owner or due field, told as a command or a noun phrase."""
    stmt = r.stmt
    has_plan_fields = any(f.label in ("owner", "due") and f.value.strip() for f in stmt.fields)
    if (
        r.section_kind == Kind.PLAN
        and stmt.form in ("item", "row")
        and has_plan_fields
        and (r.shape.frame in ("noun", "imperative", "modal", "infinitive"))
    ):
        return Verdict(
            Cls.ACTION, (Evidence("plan item", "owner or date field"),), r.specific, r.who, r.why
        )
    return None


def _plain_fact(r: Reading, s: _Stance) -> Verdict | None:
    """A fact that names no customer, reason to buy or trade-off is context."""
    if s.fact and not (r.who or r.why or r.tradeoff):
        return Verdict(Cls.CONTEXT, (Evidence("fact", r.shape.frame),), r.specific, r.who, r.why)
    return None


def _committed_action(r: Reading, s: _Stance) -> Verdict | None:
    """A commitment to an activity, or to a choice made operational, is an action."""
    verb, sig = r.verb, r.sig
    negative = verb is not None and verb.lower in _NEGATIVE_CHOICE
    if not (
        s.committed and not negative and (s.activity_verb or (s.choice_verb and s.op_specific))
    ):
        return None
    who, why, tradeoff = r.who, r.why, r.tradeoff
    listed = verb is not None and _in_spans(verb, sig.get("activity-verbs"))
    vague_prose = r.stmt.form == "sentence" and not s.op_specific and not listed
    if vague_prose:
        return None  # "We will get there by …", "Thank you to the team": prose, not a commitment
    if s.op_specific or not (who or why or tradeoff) or (listed and not (why or tradeoff)):
        strong_ops = [e for e in r.specific if e.label in ("frequency", "owner", "named")] or (
            r.counts_any and not r.quant_spans
        )
        if not (s.choice_verb and (why or tradeoff) and not strong_ops):
            ev = (Evidence("activity", verb.text if verb else ""),)
            return Verdict(Cls.ACTION, ev, r.specific, who, why)
    return None


def _strategy_list_item(r: Reading, s: _Stance) -> Verdict | None:
    """A verbless item in a strategy list ("Digital-first onboarding for SMEs") names a choice."""
    if _listed_choice(r, s) and not r.sig.has("PAST_FRAME"):
        return Verdict(
            Cls.CHOICE, (Evidence("strategy item", "a listed choice"),), r.specific, r.who, r.why
        )
    return None


def _listed_choice(r: Reading, s: _Stance) -> bool:
    return (
        r.shape.frame == "noun"
        and r.stmt.form in {"item", "row"}
        and r.section_kind == Kind.STRATEGY
        and r.stmt.depth == 0
        and not s.op_specific
        and len(r.toks) >= 3
    )


def _audience_action(r: Reading, s: _Stance) -> Verdict | None:
    """ "Sample lunches for office managers": in a plan, the segment is the audience."""
    shape = r.shape
    if (
        _plan_item(r)
        and r.who
        and not (s.choice_verb or r.why or r.tradeoff or r.universal)
        and (
            shape.frame in ("imperative", "modal")
            or (shape.frame == "present" and _person_subject(shape, r.toks, r.sig))
        )
    ):
        return Verdict(
            Cls.ACTION,
            (Evidence("plan item", "an activity for an audience"),),
            r.specific,
            r.who,
            r.why,
        )
    return None


def _present_activity(r: Reading, s: _Stance) -> Verdict | None:
    """ "Nadia calls every lapsed account": in a plan, a person doing an activity."""
    verb = r.verb
    if (
        _plan_item(r)
        and r.shape.frame == "present"
        and s.activity_verb
        and _person_subject(r.shape, r.toks, r.sig)
        and verb is not None
        and verb.lower not in _STATIVE
    ):
        return Verdict(Cls.ACTION, (Evidence("activity", verb.text),), r.specific, r.who, r.why)
    return None


def _plan_item(r: Reading) -> bool:
    return r.section_kind == Kind.PLAN and r.stmt.form in ("item", "row")


def _choice(r: Reading, s: _Stance) -> Verdict | None:
    """A choice verb, a customer, a reason to buy, a trade-off or a universal: a choice, unless
    it is told as a fact or as dated work."""
    sig, shape, stmt = r.sig, r.shape, r.stmt
    who, why, tradeoff = r.who, r.why, r.tradeoff
    if not (s.choice_verb or who or why or tradeoff or r.universal):
        return None
    if shape.frame == "past":
        return Verdict(Cls.CONTEXT, (Evidence("fact", "past"),), r.specific, who, why)
    ev = _choice_evidence(r, s)
    if s.fact and not s.choice_verb and not tradeoff and not _ours_in_present(r):
        # "Hospitals lose $2M a year to denials": a fact about the customer, not a choice;
        # "Our buyer is the VP of Operations…": a choice told in the present.
        return Verdict(Cls.CONTEXT, ev, r.specific, who, why)
    timed_noun = [e for e in r.specific if e.label in ("date", "owner")] or any(
        f.label in ("owner", "due") for f in stmt.fields
    )
    if shape.frame == "noun" and r.activity_nouns and timed_noun and stmt.form != "sentence":
        return Verdict(
            Cls.ACTION,
            (Evidence("activity", _span_text(sig, "activity-nouns")),),
            r.specific,
            who,
            why,
        )
    if (
        not (
            s.choice_verb
            or tradeoff
            or why
            or shape.frame in ("imperative", "modal", "infinitive")
            or shape.subject.lower().split()[:1] in (["we"], ["our"])
        )
        and shape.frame == "noun"
        and stmt.form == "sentence"
        and not r.universal
    ):
        return Verdict(Cls.CONTEXT, ev, r.specific, who, why)
    return Verdict(Cls.CHOICE, ev, r.specific, who, why)


def _choice_evidence(r: Reading, s: _Stance) -> tuple[Evidence, ...]:
    sig, verb = r.sig, r.verb
    ev: list[Evidence] = []
    if s.choice_verb:
        ev.append(Evidence("choice", verb.text if verb else ""))
    if r.who:
        ev.append(Evidence("who", ", ".join(dict.fromkeys(sig.words_of(WHO)))))
    if r.why:
        ev.append(Evidence("why", _span_text(sig, "value")))
    if r.tradeoff:
        ev.append(Evidence("trade-off", _span_text(sig, "tradeoff")))
    return tuple(ev)


def _ours_in_present(r: Reading) -> bool:
    """ "Our buyer is the VP of Operations…", "We are the only…": our choice, told as a fact."""
    shape, verb = r.shape, r.verb
    subj = shape.subject.lower().split()
    return bool(
        subj[:1] in (["we"], ["our"], ["the"])
        and (r.who or r.why)
        and shape.frame == "present"
        and verb is not None
        and verb.lower in _BE
        and (subj[-1].rstrip("s") in _WHO_SUBJECTS or subj[:1] == ["we"])
    )


def _verbless(r: Reading, s: _Stance) -> Verdict:
    """What no test decided: a resource line, a noun-phrase activity or list item, or context."""
    sig, shape, stmt = r.sig, r.shape, r.stmt
    if shape.frame == "noun" and _resource_head(r.toks, sig):
        return Verdict(
            Cls.CONTEXT, (Evidence("resources", _span_text(sig, "resources")),), r.specific
        )
    if (
        shape.frame == "noun"
        and stmt.form != "sentence"
        and (r.activity_nouns or sig.has("activity-verbs"))
        and (s.op_specific or stmt.fields or r.section_kind == Kind.PLAN)
    ):
        activity = _span_text(sig, "activity-nouns") or _span_text(sig, "activity-verbs")
        return Verdict(Cls.ACTION, (Evidence("activity", activity),), r.specific)
    if _listed_choice(r, s):
        # A verbless item in a strategy list ("Digital-first onboarding for SMEs") names a choice.
        return Verdict(
            Cls.CHOICE, (Evidence("strategy item", "a listed choice"),), r.specific, r.who, r.why
        )
    if (
        shape.frame == "noun"
        and stmt.form in {"item", "row"}
        and r.section_kind == Kind.PLAN
        and (s.op_specific or any(f.label in {"owner", "due"} for f in stmt.fields))
    ):
        return Verdict(Cls.ACTION, (Evidence("plan item", "owner or date"),), r.specific)
    return Verdict(Cls.CONTEXT, (), r.specific, r.who, r.why)


_TESTS: tuple[Callable[[Reading, _Stance], Verdict | None], ...] = (
    _plan_item_with_fields,
    _plain_fact,
    _committed_action,
    _strategy_list_item,
    _audience_action,
    _present_activity,
    _choice,
)


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
