"""Whether a statement in a strategy is a tactic the class model is not sure of (S102): more
likely an action than not, with a tactic's specifics; or a dated or recurring step written as a
command or with its doer as the subject."""

from __future__ import annotations

import re

from stratlint.checks._names import page_names
from stratlint.checks._subjects import (
    assigned_to,
    named_doer,
    people_subject,
    role_opens,
    subject_is_full_name,
)
from stratlint.model import Cls, Statement
from stratlint.understand.analysis import Analysis
from stratlint.understand.classify import Verdict
from stratlint.understand.shape import Shape, shape_of


def likely_tactic(a: Analysis, st: Statement, v: Verdict) -> bool:
    """A tactic the class model finds more likely than not, below its threshold, still counts
    when the sentence carries two kinds of a tactic's specifics (a date and an activity, a
    frequency and a count: "Every rep makes 40 calls a day to DSO procurement leads"), or, clearly
    more likely an action (p >= 0.6), a date or a frequency ("Katie Lowe sends the spec-chart
    update to all garage accounts every month"), unless told in the past. On the first training
    rotation the two-kinds reading took S102 from 5 to 8 true findings, false alarms 1 to 1; with
    18 tune writers the date-or-frequency reading took it from 52 to 57, false alarms 9 to 10."""
    p = a.class_proba.get(st.index)
    kinds = {e.label for e in v.specific}
    return p is not None and (
        (p["ACTION"] >= 0.5 and len(kinds) >= 2)
        or (
            p["ACTION"] >= 0.6
            and bool(kinds & {"date", "frequency"})
            and shape_of(a.signals[st.index].tokens).frame != "past"
        )
    )


# A quota: a count and its rate ("makes 40 client site visits a month", "12 calls per day",
# "50 cold calls per rep every day").
_QUOTA = re.compile(
    r"\b\d+\b[^.;:!?]{0,50}?\b(?:a|per|each|every)\s+(?:day|week|fortnight|month|quarter|year)\b",
    re.IGNORECASE,
)


def timed_tactic(a: Analysis, st: Statement, v: Verdict) -> str:
    """A command with a date or a frequency ("Launch the customer portal in Q2.", "Hold
    quarterly business reviews with the 20 largest accounts.") is an operational activity (SPEC
    §3 S102), though the class model, reading it without a plan around it, calls it context. So is
    a dated or recurring step its doer is the subject of ("Tasha books a menu walk-through for 20
    January.", "Omar and Kayla each run 15 discovery calls a week": a plan item with its owner,
    SPEC §8.4). So is a quota of people named by their role ("Each branch manager makes 40 client
    site visits a month", "SDRs make 60 calls a day": SPEC §1's "make 50 calls a day"), which the
    class model, reading a sentence in the present, takes for a fact or an action it is unsure
    of. A choice in the imperative ("Focus on enterprise healthcare") carries no date. A person
    named as the subject with a date ("Priyanka Shah takes the template to the study club in
    February") is a tactic whatever weight the class model gives it as an action: on the training
    side +6 S102/D401, +1 false alarm, where the same for any named doer (companies, products)
    gave +11 / +4.
    Returns what makes it a tactic, or "" when it is none; precision first, the class model must
    give it some weight as an action. `v` is the statement's verdict; the answer is read once a
    statement (S102 and D401 both ask)."""
    key = ("timed_tactic", st.index)
    found: str | None = a.memo.get(key)
    if found is None:
        found = a.memo[key] = _timed_tactic(a, st, v)
    return found


def _timed_tactic(a: Analysis, st: Statement, v: Verdict) -> str:
    if v.cls == Cls.CHOICE:
        return "" if a.sure(st) else _activity_quota(a, st)
    sig = a.signals[st.index]
    if v.cls != Cls.GOAL and (name := assigned_to(sig.tokens)):
        return f"a step assigned to {name}"  # "Rachel to brief the regional managers …"
    shape = shape_of(sig.tokens)
    people = people_subject(sig.tokens, shape) or role_opens(sig)
    named = shape.frame != "imperative" and named_doer(a, shape, st.index)
    if shape.frame != "imperative" and not named and not people:
        return ""
    if (
        named
        and shape.frame in ("present", "modal")
        and _a_person(a, shape, st.index)
        and sig.tokens[shape.verb].lower not in _BE_HAVE
        and (dates := [d for d in sig.get("DATE") if not _SINCE.search(sig.text[: d[0]])])
    ):
        start, end = dates[0]
        return f"date “{sig.text[start:end]}”"
    if v.cls == Cls.GOAL:
        return ""  # only a person doing it by a date makes a goal's words a step (SPEC §8.4)
    if people and (quota := _QUOTA.search(sig.text)):
        return f"quota “{quota.group(0)}”"
    if v.cls == Cls.ACTION:
        return ""  # an action the model is unsure of: `likely_tactic` reads its specifics
    p = a.class_proba.get(st.index)
    if p is None or p["ACTION"] < 0.25:
        return ""
    # A frequency word alone ("quarterly plans") may name a kind of thing; with a count it is
    # how often an activity recurs ("run 12 lunch-and-learns per quarter").
    counted = any(e.label == "count" for e in v.specific)
    labels = ("FREQUENCY", "frequencies", "DATE") if counted else ("FREQUENCY", "DATE")
    for label in labels:
        name = "date" if label == "DATE" else "frequency"
        spans = sig.get(label)
        if spans:
            start, end = spans[0]
            return f"{name} “{sig.text[start:end]}”"
    return ""


def _activity_quota(a: Analysis, st: Statement) -> str:
    """A quota of an activity ("make 50 cold calls per rep every day": SPEC §3's own example of
    a tactic) in a statement the class model reads as a choice but is not sure of: buzzwords
    beside it ("We will leverage best-in-class synergies and …") pull the reading toward a
    choice. The count, its rate and an activity word inside them make it a step when the
    statement commits to it (a command or "we will"); told in the present or as a noun phrase they
    describe a segment or a promise ("funeral homes doing 80 to 400 calls a year", "we run two milk
    runs a day to every account")."""
    sig = a.signals[st.index]
    quota = _QUOTA.search(sig.text)
    if quota is None or shape_of(sig.tokens).frame not in ("imperative", "modal"):
        return ""
    count_end = quota.start() + len(quota.group(0).split()[0])
    counted = [
        span
        for label in ("activity-nouns", "activity-verbs")
        for span in sig.get(label)
        if count_end <= span[0] < quota.end() and _COUNTED.fullmatch(sig.text[count_end : span[0]])
    ]
    return f"quota “{quota.group(0)}”" if counted else ""


# Between a count and the activity it counts, at most one word ("50 cold calls", "12 demos").
_COUNTED = re.compile(r"\s+(?:[A-Za-z-]+\s+)?")


# A date that looks back ("since 2024"): when something began, not when a step is due.
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?(?:(?:early|mid|late|end\s+of)\s+)?$", re.IGNORECASE)

_BE_HAVE = frozenset({"is", "are", "was", "were", "be", "has", "have", "had"})


def _a_person(a: Analysis, shape: Shape, index: int) -> bool:
    """The subject is a person: a full name ("Nadia Brooks builds …") or a first name the page
    writes in full elsewhere ("Ben runs …" beside "Ben Ward")."""
    words = shape.subject.split()
    if words and words[0].isupper() and len(words[0]) > 1:
        return False  # "ICC Sydney takes …": an organisation's initials, not a first name
    if len(words) == 2:
        return subject_is_full_name(a.signals[index].tokens, words)
    return len(words) == 1 and bool(page_names(a).get(words[0].lower(), frozenset()) - {index})
