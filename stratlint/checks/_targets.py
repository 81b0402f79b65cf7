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
_NUMBER_WORD = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|dozen|half)\b",
    re.IGNORECASE,
)

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
    return bool(re.search(r"\d", text) or _NUMBER_WORD.search(text))


_YEAR = re.compile(r"\b(?:FY ?|H[12] |Q[1-4] )?(?:19|20)\d\d\b|\bFY ?\d\d\b", re.IGNORECASE)


def has_number(a: Analysis, st: Statement) -> bool:
    """The target says a number (SPEC §8.8: P206 is for targets with no number): a percentage,
    money, a multiplier, a range, a count that is not part of a date, a count in words, a withheld
    number ("N3"), or a number in a KPI or target cell of its row ("+500")."""
    sig = a.signals[st.index]
    if sig.has("PERCENT", "MONEY", "MULTIPLIER", "FROM_TO"):
        return True
    if _WITHHELD.search(st.text) or _NUMBER_WORD.search(st.text) or _UNIT_NUMBER.search(st.text):
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


_LABEL = re.compile(r"^\W*(?:[\w&/ -]{1,40}:\s*)?")


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
        "vague-quantities",
        "VAGUE_GOAL",
        "aspirations",
    ):
        return True
    start = _LABEL.match(st.text)
    lead = start.end() if start else 0
    reach = sig.get("change-reach")
    return sig.has("metrics") and any(not st.text[lead:a0].strip(" *_") for a0, _ in reach)


def bare_change(a: Analysis, st: Statement) -> bool:
    """A short command to change something, and nothing else: "Improve attendee satisfaction.",
    "KR: Maximize monthly visits" — one sentence of at most eight words after its label, whose
    verb is a change verb, with no number. Read as a goal, it is a target with no number (SPEC
    §8.8) even where the hand reading took its object for no metric; a longer line or one of
    several sentences says how, or what, and is left alone."""
    m = _LABEL.match(st.text)
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
    """A measurable target (SPEC §8.8): a goal, a floor, or a KPI or target with a number."""
    v = a.verdicts.get(st.index)
    sig = a.signals[st.index]
    if v is not None and v.cls == Cls.GOAL and not v.vague:
        return True
    if sig.has("THRESHOLD") or floor_on_outcomes(a, st):
        return True  # "coverage of min. 70%", "5 or more participants": a floor is a target
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


# A target written as a comparative of a noun, with no verb ("Better share at Brandell.",
# "Significantly more clients in Quebec.", "Higher share of controls work in the mix."): SPEC
# §8.8 names it a vague target whatever class the statement's few words get.
_COMPARATIVES = frozenset(
    {"more", "better", "fewer", "less", "higher", "lower", "stronger", "greater", "bigger"}
    | {"faster", "deeper", "wider", "broader"}
)
# "A stronger presence in Leeds.", "Significant uptake among fleet operators": an article and an
# intensifier may come before the opening word, which is a comparative or a vague quantity that is
# no verb ("Record the buying group …" opens with one).
_COMPARATIVE_OPENING = re.compile(
    r"^\W*(?:(?:a|an)\s+)?(?:(?:significantly|noticeably|much|far|clearly|a lot)\s+)?"
    r"([a-z]+)"
    r"\s+(?!information\b|info\b|details?\b|about\b|on\b|than\b|to\b|of\b|and\b|or\b)[a-z]",
    re.IGNORECASE,
)
# Quantities that are no more than a count's determiner ("several partners", "various updates"):
# the item names its things, not a change.
_DETERMINERS = frozenset({"several", "various", "many", "some"})


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    """The comparatives, and the single-word vague quantities of the lexicon that are adjectives
    or participles and never verbs ("strong", "significant", "improved"; not "record")."""
    wf = lexicon.wordforms()
    vague = {
        w
        for w in lexicon.term_set("vague-quantities")
        if " " not in w
        and w not in _DETERMINERS
        and "V" not in (flags := lexicon.word_class(wf, w)[0])
        and ("A" in flags or "D" in flags)
    }
    return frozenset(_COMPARATIVES | vague)


def comparative_target(a: Analysis, st: Statement) -> bool:
    """A list item of a plan or goals scope that asks for more or better of something, in no
    verb and with no number (SPEC §8.8: "noticeably more referrals", "fewer remakes")."""
    return (
        st.form == "item"
        and not st.is_field
        and (m := _COMPARATIVE_OPENING.match(st.text)) is not None
        and m.group(1).lower() in _openers()
        and not has_number(a, st)
        and _no_verb_but_the_comparative(a.signals[st.index].tokens, m.start(1))
    )


def than_before(a: Analysis, st: Statement) -> bool:
    """The target compares with an earlier period and gives no number ("more multi-year contracts
    than last quarter", "Repeat briefs: more than in 2026"; SPEC §8.8's "more wins than last
    quarter"): asked as a change, in no tense of a fact."""
    if not _THAN_BEFORE.search(st.text) or has_number(a, st):
        return False
    tokens = a.signals[st.index].tokens
    shape = shape_of(tokens)
    return shape.frame != "past" and (shape.frame != "present" or _plural_head(tokens, shape.verb))


_THAN_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(_COMPARATIVES)) + r")\b[^.;:!?]{0,80}?\bthan\s+"
    r"(?:(?:in|at|during|over|for)\s+)?(?:the\s+)?(?:(?:last|previous|prior|this)\s+)?"
    r"(?:year|quarter|month|season|spring|summer|autumn|fall|winter|round|period|h[12]|q[1-4]"
    r"|fy\s?\d{2,4}|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def _no_verb_but_the_comparative(tokens: Sequence[Tok], at: int) -> bool:
    """No verb in the item's opening phrase, the comparative at `at` aside ("Better attendance at
    …" reads as the verb "to better" to the sentence shape); a verb after a preposition or a
    clause word belongs to what the phrase is about ("Higher share of controls work in the mix",
    "More footfall at the wall while Kelham is being fitted out")."""
    shape = shape_of(tokens)
    if shape.frame == "noun":
        return True
    if shape.frame == "past" or shape.verb < 0:
        return False
    verb = tokens[shape.verb]
    if verb.start == at or (shape.frame == "present" and _plural_head(tokens, shape.verb)):
        return True
    return any(at < t.start < verb.start and t.lower in _PHRASE_ENDS for t in tokens)


_AFTER_HEAD = frozenset({"than", "in", "from", "on", "per", "at", "for", "across", "among", "with"})
_PHRASE_ENDS = _AFTER_HEAD | {"of", "to", "into", "while", "when", "as", "after", "before"}


def _plural_head(tokens: Sequence[Tok], verb: int) -> bool:
    """The sentence shape's "verb" is the plural head of the comparative's noun phrase: "More
    reorders from the London doors.", "More medical-waste stops per route than in FY26." — a
    word in -s with no object after it, only a preposition or the end."""
    words = [t for t in tokens if t.text.strip()]
    head = tokens[verb]
    if not head.lower.endswith("s") or head not in words:
        return False
    k = words.index(head)
    nxt = words[k + 1].lower if k + 1 < len(words) else ""
    return nxt in _AFTER_HEAD or not any(c.isalnum() for c in nxt)


def target_line(a: Analysis, st: Statement) -> bool:
    """An item that states an outcome in no verb is a target of the plan, not an action item to
    own: a comparative ("Better attendance at our broker lunch sessions.", P206's) or a measure
    that moves from one figure to another ("Share of Brennan's spend from 30% to 45% by
    December.")."""
    if comparative_target(a, st) or opens_with_change(a, st) or opens_with_a_count(a, st):
        return True
    sig = a.signals[st.index]
    return st.form == "item" and sig.has("FROM_TO") and shape_of(sig.tokens).frame == "noun"


def opens_with_a_count(a: Analysis, st: Statement) -> bool:
    """An item with no verb that opens with a number and names no activity ("120 new draft
    placements across the three houses by 30 June.", "0.6 FTE of adviser time for July") states
    a target or a resource of the plan, not an action item to own ("4 webinars for plant
    managers in Q1" names its activity and is one)."""
    if st.form != "item":
        return False
    sig = a.signals[st.index]
    words = [t for t in sig.tokens if t.text.strip(" *_")]
    if not words or not words[0].text[:1].isdigit() or sig.has("activity-nouns"):
        return False
    return shape_of(sig.tokens).frame == "noun"


def opens_with_change(a: Analysis, st: Statement) -> bool:
    """An item that opens with a verb of change ("Improve hiring manager satisfaction.",
    "Grow repeat orders from the Leeds branches") asks for an outcome: a target of the plan
    (P206's when it has no number), not an action item to own and date."""
    if st.form != "item":
        return False
    sig = a.signals[st.index]
    start = _LABEL.match(st.text)
    lead = start.end() if start else 0
    first = next((t for t in sig.tokens if t.start >= lead and t.text.strip(" *_")), None)
    return first is not None and any(
        x <= first.start < y
        for lab in ("change-up", "change-improve", "change-down", "change-multiply")
        for x, y in sig.get(lab)
    )
