"""How a plan or goals statement states its target: with a number (shown, withheld or in words),
and whether a goal with no number asks for a change a number would measure (P204, P206)."""

from __future__ import annotations

import re

from stratlint.model import Statement
from stratlint.understand.analysis import Analysis

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
# A count written as a word ("at least one customer", "two partners").
_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|hundred|dozen|half)\b",
    re.IGNORECASE,
)


def has_number(a: Analysis, st: Statement) -> bool:
    """The target says a number (SPEC §8.8: P206 is for targets with no number): a percentage,
    money, a multiplier, a range, a count that is not part of a date, a count in words, a withheld
    number ("N3"), or a number in a KPI or target cell of its row ("+500")."""
    sig = a.signals[st.index]
    if sig.has("PERCENT", "MONEY", "MULTIPLIER", "FROM_TO"):
        return True
    if _WITHHELD.search(st.text) or _NUMBER_WORD.search(st.text):
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
