"""Whether a plan item has a deadline (P203): a date or time frame in its fields, its text, the
items it sits under or the headings above it, within its plan."""

from __future__ import annotations

import re
from bisect import bisect_left

from stratlint import lexicon
from stratlint.checks._chain import PLACEHOLDER, answer_above
from stratlint.checks._items import LEAD_IN, label_line, list_intro, sub_items
from stratlint.model import Field, Statement
from stratlint.understand.analysis import Analysis, Scope
from stratlint.understand.nlp import Signals
from stratlint.understand.signals import Tok


def _heading_time(sig: Signals) -> bool:
    """A heading's time frame, unless a vague word blurs its only date ("## Later in the year")."""
    if sig.has("DURATION", "FREQUENCY", "frequencies", "SLA"):
        return True
    return any(not _vague_date(sig, a0) for a0, _ in sig.get("DATE"))


def _field_due(fields: tuple[Field, ...], a: Analysis) -> bool | None:
    vals = [f.value for f in fields if f.label == "due"]
    if not vals:
        return None
    vague = lexicon.term_set("vague-times", a.lexicon_extra)
    for v in vals:
        low = v.strip().strip("*_ ").lower()
        if not low or PLACEHOLDER.match(low) or low in vague or low.rstrip(".") in vague:
            continue
        return True
    return False


def _lead_in_time(a: Analysis, top: Statement) -> bool:
    """The sentence that opens the item's list names its period: "The following objectives were
    identified for 2016:" over the list times every item in it, as a field under a heading does
    (SPEC §8.6)."""
    intro = list_intro(a, top)
    return intro is not None and (
        ((bool(LEAD_IN.search(intro.text)) or label_line(a, intro)) and _timed(a, intro))
        or _period_label(a.signals[intro.index])
    )


def _period_label(sig: Signals) -> bool:
    """A line over a list that names nothing but a period ("**Q1 (January – March)**", "Weeks
    1–4:", "Q3: July to September"): a heading in all but markup, its dates the time frame of
    each item below it. Read from what is left once the dates are taken out, as a month that is
    a verb too ("March") can make the line read as a command."""
    spans = [*sig.get("DATE"), *sig.get("DURATION")]
    if not spans or len(sig.text.split()) > 6:
        return False
    rest = list(sig.text)
    for a0, b0 in spans:
        rest[a0:b0] = " " * (b0 - a0)
    return _ONLY_JOINTS.fullmatch("".join(rest)) is not None


# What may stand between the dates of a period label: brackets, dashes, "to", "and", a colon.
_ONLY_JOINTS = re.compile(
    r"(?:[\s()\[\]:,–—/*_-]|\b(?:to|and|through|until|from)\b)*", re.IGNORECASE
)


def _timed(a: Analysis, st: Statement) -> bool:
    """The statement's own text gives a time: a date, duration or recurrence, a season, a year,
    or a time relative to a named event."""
    sig = a.signals[st.index]
    return (
        any(
            not _modifies_a_noun(sig.text, a0, b0)
            for lab in ("DURATION", "FREQUENCY", "frequencies", "SLA")
            for a0, b0 in sig.get(lab)
        )
        or any(
            not _names_a_thing(sig.text, a0, b0)
            and not _PART_CODE.match(sig.text, a0 - 1 if a0 else 0)
            and not _vague_date(sig, a0)
            and not _month_in_name(sig, a0, b0)
            for a0, b0 in sig.get("DATE")
        )
        or bool(_SEASON.search(st.text))
        or bool(_KNOWN_PERIOD.search(st.text))
        or bool(_SCHOOL_RECURRENCE.search(st.text))
        or bool(_MAY_YEAR.search(st.text))
        or bool(_OLDER_YEAR.search(st.text))
        or bool(_BY_EVENT.search(st.text))
    )


# A quarter glued into a part or standard code ("AEC-Q100", "Q200-rated"): a name, not a date.
_PART_CODE = re.compile(r"[A-Za-z0-9-][QqHh][1-4]\d{2}\b")


def _vague_date(sig: Signals, a0: int) -> bool:
    """The date is the tail of a vague time ("Later in the year", "later this year", "Sometime
    next year"): no deadline (SPEC §3 P203: "soon" is none)."""
    return any(
        x < a0 and _VAGUE_GAP.fullmatch(sig.text[y:a0]) and sig.text[x:y].strip("-–— ").isalpha()
        for x, y in sig.get("vague-times")
    )  # a dash is a vague time as a whole cell ("Due: –"), not the joint of "May-June"


def _month_in_name(sig: Signals, a0: int, b0: int) -> bool:
    """A month's name that opens a person's or a firm's name ("the Jan De Nul and DEME leads",
    "May Chen sends …"): one capitalised word, then another that is no date."""
    word = sig.text[a0:b0]
    if not word.isalpha() or not word[:1].isupper():
        return False
    toks = sig.tokens  # in text order: found by binary search, not a scan per date
    k = bisect_left(toks, a0, key=_start)
    prev = next((toks[j] for j in range(k - 1, -1, -1) if toks[j].text.strip()), None)
    if prev is not None and prev.lower in _TIME_WORDS:
        return False  # "in June Helsinki edition": a time word makes it the month
    k = bisect_left(toks, b0, key=_start)
    nxt = next((toks[j] for j in range(k, len(toks)) if toks[j].text.strip()), None)
    return (
        nxt is not None
        and nxt.start == b0 + 1
        and nxt.text[:1].isupper()
        and nxt.text.isalpha()
        and not any(x <= nxt.start < y for x, y in sig.get("DATE"))
    )


def _start(t: Tok) -> int:
    return t.start


# What may stand between a vague word and the date it blurs: "later | in the | year".
_VAGUE_GAP = re.compile(r"[\s]*(?:(?:in|on|at|during|by|of|the|this|next|that)\s+)*", re.IGNORECASE)


def _names_a_thing(text: str, a0: int, b0: int) -> bool:
    """The date names which thing, not when to act: "from the December tender round", "with the
    H1 churn numbers" — a determiner before it and a noun after it, not after a word of time
    ("until the Q3 review", "before the January board" are times)."""
    before = text[:a0].rstrip().rsplit(None, 2)
    after = text[b0:].lstrip()
    return (
        bool(before)
        and before[-1].lower() in _DETERMINERS
        and (len(before) < 2 or before[-2].lower() not in _TIME_WORDS)
        and bool(after)
        and after[0].islower()
        and after.split(None, 1)[0].strip(".,;:").isalpha()
    )


def _modifies_a_noun(text: str, a0: int, b0: int) -> bool:
    """A length or recurrence joined into a noun's modifier says what kind of thing, not when:
    "every monthly-paid customer", "a two-day Ottawa trip"."""
    after = text[b0:]
    return after.startswith("-") or (
        "-" in text[a0:b0] and after[:1] == " " and after[1:2].isalpha()
    )


_DETERMINERS = frozenset({"the", "our", "their", "its", "this", "that", "last"})
_TIME_WORDS = frozenset(
    {"by", "before", "until", "till", "after", "at", "in", "during", "for", "since", "on", "of"}
)


# A relative deadline (SPEC §3 P203) set by an event of the plan rather than a date: "before
# launch", "ahead of the show", "by the renewal meeting", "a month ahead".
_BY_EVENT = re.compile(
    r"\b(?:before|ahead of|prior to|in time for|by)\s+(?:the\s+|our\s+|their\s+|its\s+|each\s+)?"
    r"(?:[\w-]+\s+)?(?:launch|go-live|kickoff|kick-off|show|event|conference|expo|summit|renewal|"
    r"signing|tender|rfp|reset|board meeting)\b"
    r"|\b(?:a|one|two|three|four|six|\d+)\s+(?:days?|weeks?|months?)\s+"
    r"(?:ahead|before|prior|in advance)\b",
    re.IGNORECASE,
)


# A standing rule timed by an event rather than a date: "Every major post links back to the
# site", "Each rep logs the call", "Add the QR code at every event" (SPEC §8.4: a recurrence).
_PER_EVENT = re.compile(
    r"^\W*(?:every|each)\s+[a-z]|\b(?:after|at|following)\s+(?:every|each)\s+[a-z]",
    re.IGNORECASE,
)


# A holiday, a term, a farm season or a cycle of the year the reader knows the date of: "before
# Christmas", "over the Easter holidays", "after harvest", "before the May budget cycle", "the
# Term 3 open days". Read by the check only: the DATE patterns are model features, and a refit
# on them moved cases near a threshold (judging.md, twenty-seventh session).
_KNOWN_PERIOD = re.compile(
    r"\b(?:before|by|ahead of|prior to|in time for|after|over|during|until|through)\s+"
    r"(?:the\s+|our\s+|their\s+|this\s+|next\s+|each\s+|every\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:christmas|easter|thanksgiving|hanukkah|diwali|ramadan|eid|new year|black friday|"
    r"memorial day|labou?r day|harvest|planting|seeding|calving|lambing|half-term|term|"
    r"holidays?|year-end|month-end|quarter-end|budget cycle|budget round|peak season)\b"
    r"|\bterm\s+[1-4]\b",
    re.IGNORECASE,
)

# A recurrence by a fortnight or a school's term ("every fortnight", "twice a term", "once a
# semester"): the FREQUENCY patterns know the week and the month; read by the check only, as
# those patterns are model inputs.
_SCHOOL_RECURRENCE = re.compile(
    r"\b(?:every|each|per|once\s+a|twice\s+a|(?:\d+|two|three|four)\s+times\s+a)\s+"
    r"(?:other\s+)?(?:fortnight|term|half[- ]term|semester)\b",
    re.IGNORECASE,
)

# A season is a time frame ("for the autumn trade shows", "by next summer"); "spring" and "fall"
# only after a time word, as they are verbs and nouns too.
_SEASON = re.compile(
    r"\b(?:autumn|summer|winter)\b|\b(?:by|in|before|until|during|this|next|early|mid|late)"
    r"\s+(?:the\s+)?(?:spring|fall)\b",
    re.IGNORECASE,
)

# "May" is a date for the DATE pattern only after a time word ("by May"), as it is a verb too;
# with a year after it ("at its May 2027 docking") it is the month. Read by the check.
_MAY_YEAR = re.compile(r"\bMay\s+(?:19|20)\d\d\b")

# A year before the ones the DATE pattern knows (2020-2049) is a time frame too, after a time
# preposition and at the end of its clause: "in 2016.", "for 2012:". "Grow the list to 2000
# readers" and "by 2000 users" are amounts. Read by the check, not by the patterns: those are
# model inputs, and a change there means retraining every model.
_OLDER_YEAR = re.compile(
    r"\b(?:in|for|during|until|till|before|through|since|(?:by\s+)?(?:the\s+)?end\s+of)\s+"
    r"(?:(?:the\s+)?(?:fiscal\s+|calendar\s+)?year\s+)?(?:19[89]|20[01])\d\b(?!\s*[a-z%$0-9])",
    re.IGNORECASE,
)


def has_deadline(a: Analysis, st: Statement, scope: Scope) -> bool:
    """A date or time frame of the item, its parent items, their fields or a heading above it
    ("## Q1"), or of each of its own steps. The document's title names the plan and its period
    ("Q1 sales action plan"): that period is the plan's horizon, not a deadline for each of its
    items (SPEC §8.2)."""
    return (
        answer_above(
            a,
            st,
            scope,
            lambda fields: _field_due(fields, a),
            lambda item: _timed(a, item) or bool(_PER_EVENT.search(item.text)),
            lambda heading: _heading_time(a.signals[heading]),
            lead_in=lambda top: _lead_in_time(a, top),
        )
        or _steps_dated(a, st)
        or _scheduled_row(st)
    )


# A schedule's column: "| Week | Action | Owner |" over "| 3 | Send the rate sheet … |".
_SCHEDULE_HEAD = re.compile(r"^\W*(?:weeks?|months?|wk|sprint)\W*$", re.IGNORECASE)


def _scheduled_row(st: Statement) -> bool:
    """A table row whose week or month column is filled: the schedule says when (the parser's
    due columns are "Due", "When", "Quarter"; a week number is as much a time frame)."""
    return any(_SCHEDULE_HEAD.match(head) and cell.strip(" -–—") for head, cell in st.cells)


def _steps_dated(a: Analysis, st: Statement) -> bool:
    """The item is an initiative whose every step, written as its sub-items, has its own date or
    time frame: the steps schedule it ("Recruit 40 new MSPs" over "… by 28 February", "… each
    week from March", "… per quarter from Q2 to Q4")."""
    steps = [x for x in sub_items(a, st) if not x.is_field]
    return bool(steps) and all(_timed(a, x) for x in steps)
