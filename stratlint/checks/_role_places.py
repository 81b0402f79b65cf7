"""Where a role word stands in a plan item, and the places that are not an owner's: whom the
item serves ("a webinar for the IT managers"), what it acts on ("Hire one territory manager",
"Update the RevOps dashboard"), a verb ("Partner with …"), a modifier ("Partner-programme calls"),
a heading's workstream ("## Partner recruitment"); and the slot after an item's last dash where
its owner is written ("— Tom, ASAP"). Read by `_owners`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from stratlint import lexicon
from stratlint.checks._names import PRONOUNS
from stratlint.understand.nlp import Signals
from stratlint.understand.signals import Tok

# A named group as the subject owns the item: "Leadership team", "Partner council" ("The team" and
# "Our team" do not: their first word is a determiner).
GROUPS = frozenset(
    {"team", "group", "committee", "council", "board", "squad", "crew", "department", "guild"}
)
AUDIENCE = {"for", "to", "with", "at", "from", "among", "targeting", "aimed"}

_PHRASE_OPENERS = frozenset({"the", "our", "all", "new", "each", "their", "its", "a", "an"})


def in_audience_phrase(toks: Sequence[Tok], k: int) -> bool:
    """The role at token `k` is inside a noun phrase an audience word opens: "for the IT
    managers", "with the IBA HR forum" (a determiner and names between them)."""
    j = k - 1
    seen_det = False
    while j >= 0 and k - j <= 4:
        t = toks[j]
        if t.lower in AUDIENCE:
            return seen_det
        if t.lower in _PHRASE_OPENERS:
            seen_det = True
        elif not (t.text[:1].isupper() and t.text.isalpha()):
            return False
        j -= 1
    return False


# The subject of a clause these open is whom the item serves, not who does it ("so HR can
# reorder without a PO").
CLAUSE_OPENERS = frozenset({"so", "that", "if", "when", "until", "unless", "because", "once"})


def hyphen_modifier(toks: Sequence[Tok], k: int) -> bool:
    """The role word at `k` is joined by a hyphen to the noun it modifies ("Partner-programme
    renewal calls")."""
    return 0 <= k < len(toks) - 1 and toks[k + 1].text == "-" and toks[k + 1].start == toks[k].end


def modifies_object(toks: Sequence[Tok], verb: int, k: int, prev: str) -> bool:
    """In a command, the role word at `k` stands after the verb, not where an owner stands
    (after a bracket, a dash, a colon or "by"), and a noun follows it: it names which thing
    the command acts on ("Update the RevOps dashboard", "Apply to the HR vendor list")."""
    if verb < 0 or k <= verb or k + 1 >= len(toks) or not prev.isalpha() or prev == "by":
        return False
    nxt = toks[k + 1]
    return (
        nxt.text.isalpha()
        and "N" in nxt.flags
        and "V" not in nxt.flags
        and nxt.lower not in GROUPS  # "the inside sales team": who, not which thing
    )


_AFTER_A_VERB = frozenset(
    set(lexicon.grammar()["preps"])
    | set(lexicon.grammar()["determiners"])
    | {"every", "each", "all"}
)


_COUNTS = frozenset(
    {"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
)


def in_counted_object(toks: Sequence[Tok], verb: int, k: int) -> bool:
    """The role word at `k` is in the counted object of the command at `verb` ("Hire one
    territory manager", "Host a client CFO roundtable"): whom or what it acts on, not who does
    it."""
    if verb < 0 or k <= verb + 1:
        return False
    first = toks[verb + 1]
    if first.lower not in _COUNTS and not first.text.isdigit():
        return False
    return all(t.text[:1].isalnum() and t.lower not in _AFTER_A_VERB for t in toks[verb + 2 : k])


def verb_goes_on(toks: Sequence[Tok], k: int) -> bool:
    """The word after token `k` opens what a verb governs ("Partner with …", "Lead the …", "Staff
    two booths"), not the rest of a noun phrase ("Partner managers run …")."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is not None and (nxt.lower in _AFTER_A_VERB or nxt.text[:1].isdigit())


def function_alone(sig: Signals, a0: int, b0: int) -> bool:
    """The heading is one function's name and nothing else ("## Marketing", "### Partnerships"):
    a workstream of the plan, not who owns each item ("## Marketing team" names one)."""
    return not sig.text[:a0].strip(" #*_0-9.") and not sig.text[b0:].strip(" *_:")


def names_a_workstream(sig: Signals, roles: Sequence[tuple[int, int]], end: int) -> bool:
    """The role word ending at `end` is followed by a lowercase noun that is no role or group
    ("Partner recruitment", "Customer onboarding"): the heading names a piece of work."""
    nxt = next((t for t in sig.tokens if t.start >= end and t.text.strip()), None)
    return (
        nxt is not None
        and nxt.text.isalpha()
        and nxt.text.islower()
        and nxt.lower not in GROUPS
        and not any(x <= nxt.start < y for x, y in roles)
    )


# What follows an owner set off at an item's end: a date, or a word for when ("ASAP", "ongoing").
_WHEN_AFTER = re.compile(
    r"^\s*,\s*(?:by\b|before\b|asap\b|ongoing\b|soon\b|tbd\b|tbc\b|q[1-4]\b|h[12]\b|"
    r"fy\s?\d|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|"
    r"(?:this|next|end of|each|every)\b|weekly\b|monthly\b|quarterly\b)",
    re.IGNORECASE,
)


def owner_slot(
    sig: Signals, toks: Sequence[Tok], skip_spans: Sequence[tuple[int, int]], weak: frozenset[str]
) -> bool:
    """ "Book the Wisbech audit with Rachel Byrne — Tom, ASAP", "Send the price-rise letter —
    Service Desk, by 31 January": after the item's last dash, one to three capitalised words and
    then when it is due; the owner's slot, whether or not the name is also an English word (tom,
    desk). `weak`: the weak owners ("The team, ASAP" names no one)."""
    dash = max((k for k, t in enumerate(toks) if t.text in {"—", "–"}), default=-1)
    if dash < 1:
        return False
    comma = next((k for k in range(dash + 1, min(dash + 5, len(toks))) if toks[k].text == ","), -1)
    if comma <= dash + 1:
        return False
    words = toks[dash + 1 : comma]
    if not all(w.text[:1].isupper() and w.text.isalpha() for w in words):
        return False
    if any(w.lower in PRONOUNS or w.lower in weak for w in words):
        return False
    if any(a <= words[0].start < b for a, b in skip_spans):
        return False  # "— Chicago, March 2027": a place or a month, not who
    return bool(_WHEN_AFTER.match(sig.text[toks[comma].start :]))
