"""How a plan or goals statement states its target: with a number (shown, withheld or in words),
and whether a goal with no number asks for a change a number would measure (P204, P206)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from stratlint import lexicon
from stratlint.model import Cls, Statement
from stratlint.understand.analysis import Analysis
from stratlint.understand.shape import shape_of
from stratlint.understand.signals import Tok

TARGET_HEAD = re.compile(
    r"\b(?:target|goal|kpi|key result|success metric|measure of success)", re.IGNORECASE
)
# A column that says when, not how much: "Target window", "Target date", "Goal quarter".
TIME_HEAD = re.compile(
    r"\b(?:window|date|dates|deadline|when|timeline|timing|quarter|period|by)\b", re.IGNORECASE
)


# "KR 1.1: …", "Goal 2 - …", "3) …": a label's number, not a quantity ("Hire 2." is one).
_NUMBERED_LABEL = re.compile(
    r"^\W*(?:[a-z]+\s*)?\d+(?:\.\d+)*\s*(?:[:)\-–—]|\.(?=\s))", re.IGNORECASE
)


# A quantity kept out of a public page or left to fill in ("Land N3 logos", "[$N] IARR", "X%"):
# the target has a number; it is only not shown.
_WITHHELD = re.compile(r"(?<![\w$])\$?(?:N\d{0,3}|X{1,3})(?:%|[kKmM])?(?![\w])")
# A count written as a word ("at least one customer", "two partners", "zero lost accounts").
NUMBER_WORD = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|dozen|(?<!last )(?<!this )(?<!next )(?<!first )(?<!second )half)\b",
    re.IGNORECASE,
)  # "half the accounts" counts; "than last half" is a period

# A quantity with its unit written on ("under 2h", "in 200ms", "48hrs", "+3pp"): the number
# pattern leaves a digit followed by letters alone, so a time or a point change needs this.
_UNIT_NUMBER = re.compile(
    r"(?<![\w.$€£])\d{1,3}(?:[.,]\d+)?(?:h|hrs?|s|secs?|mins?|ms|d|wks?|mos?|pp|pts?)\b",
    re.IGNORECASE,
)


def says_number(text: str, years: bool = True) -> bool:
    """A target's text holds a number, in digits or in words ("Zero major audit findings").
    `years=False`: a year says when, not how many ("more lots than in the 2024 round")."""
    if not years:
        text = _YEAR.sub("", text)
    return bool(re.search(r"\d", text) or NUMBER_WORD.search(text))


_YEAR = re.compile(r"\b(?:FY ?|H[12] |Q[1-4] )?(?:19|20)\d\d\b|\bFY ?\d\d\b", re.IGNORECASE)


def has_number(a: Analysis, st: Statement) -> bool:
    """The target says a number (SPEC §8.8: P206 is for targets with no number): a percentage,
    money, a multiplier, a range, a count that is not part of a date, a count in words, a withheld
    number ("N3"), or a number in a KPI or target cell of its row ("+500")."""
    sig = a.signals[st.index]
    if sig.has("PERCENT", "MONEY", "MULTIPLIER", "FROM_TO"):
        return True
    if _WITHHELD.search(st.text) or NUMBER_WORD.search(st.text) or _UNIT_NUMBER.search(st.text):
        return True
    dates = sig.get("DATE")
    label = _NUMBERED_LABEL.match(st.text)
    start = label.end() if label else 0  # "KR 1.1:", "Goal 2 -": a label's number counts nothing
    if any(s >= start and not any(da <= s < db for da, db in dates) for s, _ in sig.get("NUMBER")):
        return True
    return any(
        TARGET_HEAD.search(head) and not TIME_HEAD.search(head) and re.search(r"\d", cell)
        for head, cell in st.cells
    )


# A short label before a statement's words ("KR2:", "Target:", "Online:").
LABEL = re.compile(r"^\W*(?:[\w&/ -]{1,40}:\s*)?")


def directional(a: Analysis, st: Statement) -> bool:
    """The goal asks for a change or more of something ("Grow ARR", "more referrals", "Win new
    customers"), which a number would measure. A state to reach ("Every strategic account has a
    success plan", "Plans are in place for …") is checked as done or not: no number is missing."""
    sig = a.signals[st.index]
    if sig.has(
        "change-up",
        "change-improve",
        "change-multiply",
        "change-down",
        "change-hold",
        "VAGUE_GOAL",
        "aspirations",
    ):
        return True
    if any(not _bound(sig.tokens, a0) for a0, _ in sig.get("vague-quantities")):
        return True
    return sig.has("metrics") and opens_item(st, sig.get("change-reach"))


# Words that open a clause qualifying a noun: "clinics that see …", "plants with …".
_QUALIFIERS = frozenset({"that", "who", "which", "whose", "with", "where"})


def _bound(tokens: Sequence[Tok], start: int) -> bool:
    """The vague quantity at `start` is a bound in a clause that qualifies a noun ("private clinics
    that see more than 150 patients a month", "plants with fewer than 50 staff"): it says which
    buyers, as "studios under 400 members" does; it asks for no more of anything."""
    words = [t for t in tokens if t.text.strip()]
    k = next((i for i, t in enumerate(words) if t.start == start), -1)
    return (
        k > 0
        and k + 2 < len(words)
        and words[k + 1].lower == "than"
        and words[k + 2].text[:1].isdigit()
        and any(w.lower in _QUALIFIERS for w in words[max(0, k - 2) : k])
    )


def opens_item(st: Statement, spans: Iterable[tuple[int, int]]) -> bool:
    """One of `spans` opens the statement, after its label and markup ("KR 2: **Reach** …")."""
    start = LABEL.match(st.text)
    lead = start.end() if start else 0
    return any(not st.text[lead:x].strip(" *_") for x, _ in spans)


def bare_change(a: Analysis, st: Statement) -> bool:
    """A short command to change something, and nothing else: "Improve attendee satisfaction.",
    "KR: Maximize monthly visits" — one sentence of at most eight words after its label, whose
    verb is a change verb, with no number. Read as a goal, it is a target with no number (SPEC
    §8.8) even where the hand reading took its object for no metric; a longer line or one of
    several sentences says how, or what, and is left alone."""
    m = LABEL.match(st.text)
    body = st.text[m.end() :] if m else st.text
    words = body.split()
    if not words or len(words) > 8 or "." in body.rstrip(". ") or has_number(a, st):
        return False
    sig = a.signals[st.index]
    shape = shape_of(sig.tokens)
    if shape.frame != "imperative" or shape.verb < 0:
        return False
    at = sig.tokens[shape.verb].start
    return any(
        x <= at < y
        for group in ("up", "improve", "multiply", "down")
        for x, y in sig.get(f"change-{group}")
    )


_CHANGE_GROUPS = ("up", "improve", "multiply", "down", "hold")
_WORD = re.compile(r"[a-z]+")


def reached_state(text: str, extra: Mapping[str, Iterable[str]] | None = None) -> bool:
    """A target cell that says an outcome was reached ("Case accepted by the CFO", "audit
    finding closed", "Head of repairs agrees the shortlist") is done or not: no number is missing.
    One that names a thing to get more of ("brand awareness", "Leads for the contractor desk",
    "Win", "Healthier coverage") or asks for a change ("Increased usage") needs one. `extra`: the
    user's lexicon additions."""
    low = text.lower()
    vague = lexicon.term_set("vague-quantities", extra)
    if any(" " in t and t in low for t in vague):
        return False
    verbs = _change_lemmas()
    wf = lexicon.wordforms()
    reached = False
    for k, w in enumerate(_WORD.findall(low)):
        flags, lemma = lexicon.word_class(wf, w)
        if w in vague or lemma in verbs or w in verbs:
            return False
        if "D" in flags or ("Z" in flags and k > 0):
            reached = True
    return reached


@lru_cache(maxsize=1)
def _change_lemmas() -> frozenset[str]:
    return frozenset(
        v for g in _CHANGE_GROUPS for v in lexicon.term_set(f"change-{g}") if " " not in v
    )


# A floor on a count of outcomes is a target (SPEC §8.8): "an average of 5 or more participants",
# "20 or more attendees". A floor on activities is not: "4 or more webinars" counts what is done,
# not what it brings. "At least" is left out: "Bid at least eight jobs" counts bids (a labelled
# training case), and the noun after it does not tell the two apart.
_FLOOR = re.compile(
    r"\ban average of\s+(?:\d[\d,.]*\s+)?(?:or more\s+)?([a-z][a-z-]+)"
    r"|\b\d[\d,.]*\s+or\s+more\s+([a-z][a-z-]+)",
    re.IGNORECASE,
)


def floor_on_outcomes(a: Analysis, st: Statement) -> bool:
    m = _FLOOR.search(st.text)
    if m is None:
        return False
    noun = (m.group(1) or m.group(2)).lower()
    activities = lexicon.term_set("activity-nouns", a.lexicon_extra)
    return noun not in activities and noun.removesuffix("s") not in activities


def measurable(a: Analysis, st: Statement) -> bool:
    """A measurable target (SPEC §8.8): a number attached to an outcome, in a goal, a floor, or a
    KPI or target field or cell. A year says when, not how many ("Target: more dealer orders
    than in 2026" has none), and a goal with no number is P206's, not a measure."""
    v = a.verdicts.get(st.index)
    sig = a.signals[st.index]
    if (
        v is not None
        and v.cls == Cls.GOAL
        and (not v.vague or sig.has("metrics"))
        and has_number(a, st)
    ):
        return True
    if sig.has("THRESHOLD") or floor_on_outcomes(a, st):
        return True  # "coverage of min. 70%", "5 or more participants": a floor is a target
    for f in st.fields:
        if f.label in ("kpi", "target") and says_number(f.value, years=False):
            return True
    return any(
        re.search(r"kpi|target|metric|goal|success|measure|key result", head, re.I)
        and says_number(cell, years=False)
        for head, cell in st.cells
    )


_GOAL_HEAD = re.compile(r"^\W*(?:our\s+|the\s+)?(?:goal|goals|aim|ambition|objective)\W*$", re.I)
_RESULTS_HEAD = re.compile(
    r"\b(?:objectives|key results|krs|measures|metrics|targets|kpis|success criteria)\b", re.I
)


def measured_by_next_section(a: Analysis, st: Statement) -> bool:
    """A goal that is its section's whole content ("### Goal" over one sentence), followed by a
    section of objectives or key results with numbers ("### Objectives": "O1: … from 70 to 90 by
    the end of 2026"): the objective-and-key-results structure of SPEC §8.10, written as
    sections, as in a goals-objectives-strategies-measures page."""
    sec = a.doc.sections[st.section]
    if not _GOAL_HEAD.match(sec.title):
        return False
    own = [i for i in sec.statements if a.doc.statements[i].form != "heading"]
    if len(own) > 2 or st.index not in own:
        return False
    parent = a.doc.sections[sec.parent] if sec.parent is not None else None
    siblings = parent.children if parent is not None else ()
    k = siblings.index(sec.index) if sec.index in siblings else -1
    if k < 0 or k + 1 >= len(siblings):
        return False
    nxt = a.doc.sections[siblings[k + 1]]
    return bool(_RESULTS_HEAD.search(nxt.title)) and any(
        has_number(a, a.doc.statements[i])
        for i in nxt.statements
        if a.doc.statements[i].form != "heading"
    )


_TARGET_LABEL = re.compile(
    r"^\W*(?:[\w&/ -]{0,30}\s)?(?:target|goal|ambition|aim|objective)s?\s*[:—–-]", re.I
)


def outcome_target(a: Analysis, st: Statement) -> bool:
    """The goal reads as an outcome target (SPEC §3 S101, §8.4): it asks for a change ("Grow
    ARR", "Double revenue", "become the #1"), or gives a number with a date, a target label or
    a future frame ("$8M ARR by Q4", "Target: 1,200 merchants", "Revenue will reach £11.2M").
    A number alone may bound a segment ("studios under 400 members") or state a fact ("Win rate
    with a survey: 44%"): not sure enough to call it a goal standing in for a strategy."""
    if directional(a, st):
        return True
    if not has_number(a, st):
        return False
    sig = a.signals[st.index]
    if sig.has("DATE") or _TARGET_LABEL.match(st.text) or _reaches(sig.tokens):
        return True
    return shape_of(sig.tokens).frame in ("modal", "infinitive")  # "Revenue will reach £11.2M"


# Verbs that only ever name a level to get to ("Reach 60,000 treated hectares in the 2027 season",
# "7. Hit $9M in new bookings"), unlike "win", "sign" or "build", which also name work.
_TARGET_VERBS = frozenset({"hit", "reach", "achieve", "attain", "exceed", "surpass"})


def _reaches(tokens: Sequence[Tok]) -> bool:
    """The statement opens, after a list number or a short label, with a verb of reaching a
    level: with a number, the target frame of SPEC §8.4 ("Reach 1,200 active merchants")."""
    words = [t for t in tokens if t.text.strip(" *_")]
    k = 0
    while k < len(words) and (
        not any(c.isalpha() for c in words[k].text) or words[k].text in (":", "-", "—")
    ):
        k += 1  # "7.", "3)", "—"
    return k < len(words) and words[k].lower in _TARGET_VERBS


def vague_goal(a: Analysis, st: Statement) -> bool:
    """A goal the class model is sure of that names its metric but no number ("Grow council
    revenue significantly in 2027"): P206's vague target, which measures nothing, so no sign of a
    measurable target for P204 (SPEC §3: a plan with no measurable target anywhere)."""
    v = a.verdicts.get(st.index)
    return (
        v is not None
        and v.cls == Cls.GOAL
        and a.sure(st)
        and not has_number(a, st)
        and (v.vague or bare_change(a, st))
    )


# A size band that bounds a segment, not a level to reach: "fleets of 10 to 200 vehicles",
# "barbershop chains with 5–40 locations", "groups with three or more sites", "networks of 300
# beds or more", "colleges with intakes of 100 or more international students".
_SIZE_BAND = re.compile(
    r"\b(?:with|of|having|employing|running|operating)\s+(?:[a-z]+\s+of\s+)?"
    r"(?:"
    r"(?:more\s+than|over|under|fewer\s+than|less\s+than|at\s+least|up\s+to|between)\s+{n}"
    r"(?:\s*(?:-|–|—|to|and)\s*\d[\d,.]*)?\s+{noun}"
    r"|{n}(?:\s*\+|\s*(?:-|–|—|to)\s*\d[\d,.]*|\s+or\s+(?:more|fewer|less))\s+{noun}"
    r"|{n}\s+{noun}\s+or\s+(?:more|fewer|less)"
    r")".format(
        n=r"(?:\d[\d,.]*|one|two|three|four|five|six|ten|twenty|fifty)",
        noun=r"(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s\b",
    ),
    re.IGNORECASE,
)


def size_band_only(a: Analysis, st: Statement) -> bool:
    """Every number the statement gives bounds the size of whom it names ("Win van fleets of 10
    to 200 vehicles in West Yorkshire"): a choice of who (SPEC §3 S103's segment), not an outcome
    target, as no money, share, multiple or date says what to reach."""
    sig = a.signals[st.index]
    numbers = sig.get("NUMBER")
    if not numbers or sig.has("MONEY", "PERCENT", "MULTIPLIER", "DATE"):
        return False
    bands = [m.span() for m in _SIZE_BAND.finditer(sig.text)]
    return all(any(x <= n0 < y for x, y in bands) for n0, _ in numbers)
