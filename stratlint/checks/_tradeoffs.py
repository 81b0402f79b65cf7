"""What a strategy gives up (S107): the statements that say what the team will not do, and
those that choose everyone."""

from __future__ import annotations

import re

from stratlint.model import Cls, Statement
from stratlint.understand.analysis import Analysis


def chooses_everyone(a: Analysis, st: Statement) -> bool:
    """The statement chooses everyone ("We sell to every industry"): a universal word in a choice,
    not in an exclusion ("We are not selling to banks … or anyone who needs FedRAMP") and not in a
    comparison ("She needs bond repair more than anyone")."""
    sig = a.signals[st.index]
    if a.cls(st) == Cls.CONTEXT or not sig.has("universal") or sig.has("tradeoff"):
        return False
    low = sig.text.lower()
    return any(
        not re.search(r"\bthan\s+$", low[max(0, s - 8) : s]) for s, _ in sig.get("universal")
    )


# Cue words of a focus, not of what the team will not do: "Focus on independent repair shops"
# chooses whom to serve (S103) but names nothing given up (SPEC §3 S107: "never says what the
# team will *not* do").
_FOCUS_ONLY = frozenset(
    {"focus", "focused", "focus on", "concentrate", "concentrating", "prioritize", "prioritise"}
    | {"primarily", "narrow", "narrowing"}
)


def says_not_doing(a: Analysis, st: Statement) -> bool:
    sig = a.signals[st.index]
    if not sig.has("tradeoff"):
        return False
    words = {w.lower() for w in sig.words("tradeoff")}
    if words & _EXCLUSIONS:
        return True  # "We do not bid enterprise tenders above 200 vehicles", whatever its class
    if a.cls(st) == Cls.CONTEXT:
        return False
    # A cue that serves other meanings too ("the only solventless adhesive", "members who stop
    # checking in", "not one match day") counts where the tag model sees a trade-off at all.
    if (a.tag_proba.get(st.index) or {}).get("tradeoff", 1.0) < _TRADEOFF_FLOOR:
        return False
    return bool(words - _FOCUS_ONLY)


# Cues that say what the team will not do and nothing else.
_EXCLUSIONS = frozenset(
    {"will not", "won't", "wont", "we do not", "we don't", "not pursue", "do not pursue"}
    | {"not chase", "don't chase", "no longer", "say no", "not going to", "walk away"}
    | {"where we won't play", "what we won't do", "out of scope", "exclude", "excluding"}
)
# The least weight the tag model must give a trade-off for a cue of other meanings to count.
# Chosen on the training side: 0.05 with five rounds of writers; with 380, 0.15 finds S107 on
# +91 strategies for +31 false alarms (0.3: +113 / +52).
_TRADEOFF_FLOOR = 0.15


# Cues that negate: "Compete on duty of care, not on fee", "No discounts below list".
_NEGATING = _EXCLUSIONS | frozenset(
    {"not", "no", "never", "stop", "stopping", "avoid", "decline", "excluded", "deprioritize"}
    | {"deprioritise", "pass on", "not a fit"}
)


def gives_up(a: Analysis, st: Statement) -> bool:
    """The statement says what the team will not do, in a negation ("Compete on duty of care, not
    on fee", "We no longer quote one-off orders") or as `says_not_doing` reads it. A cue word of
    other uses too ("route reps", "Poland-only auctions", "pay-on-exit", "focus distributors")
    gives nothing up in a step that names its frequency, count or date."""
    words = {w.lower() for w in a.signals[st.index].words("tradeoff")}
    return bool(words & _NEGATING) or says_not_doing(a, st)
