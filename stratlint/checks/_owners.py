"""Whether a plan item has an owner (P202) and a deadline (P203): in its fields, its text, the
items it sits under or the headings above it, within its plan."""

from __future__ import annotations

import re
from collections.abc import Iterator

from stratlint import lexicon
from stratlint.model import Field, Statement
from stratlint.understand.analysis import Analysis, Scope
from stratlint.understand.nlp import Signals
from stratlint.understand.shape import Shape, sentence_shape
from stratlint.understand.signals import Tok

_PLACEHOLDER = re.compile(
    r"^\s*(?:\[[^\]]*\]|<[^>]*>|\{[^}]*\}|_+|\?+|-+|—|–|x+|n/?a|tbd|tbc|"
    r"to be (?:decided|determined|confirmed)|none|unassigned|\.\.\.|…)?\s*$",
    re.IGNORECASE,
)
_PRONOUNS = {
    "we",
    "i",
    "you",
    "they",
    "he",
    "she",
    "it",
    "our",
    "us",
    "everyone",
    "someone",
    "somebody",
    "nobody",
    "anyone",
    "this",
    "that",
    "these",
    "those",
    "there",
    # determiners and quantifiers: "The team sends …", "Each rep calls …" name no one
    "the",
    "a",
    "an",
    "each",
    "every",
    "everybody",
    "all",
    "both",
    "any",
    "some",
    "no",
    "my",
    "your",
    "their",
    "its",
    "another",
}
# A named group as the subject owns the item: "Leadership team", "Partner council" ("The team" and
# "Our team" do not: their first word is a determiner).
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "each", "every", "all", "any"})
_GROUPS = frozenset(
    {"team", "group", "committee", "council", "board", "squad", "crew", "department", "guild"}
)
_AUDIENCE = {"for", "to", "with", "at", "from", "among", "targeting", "aimed"}
# Spans where a capitalised word is not a name (months, places, segments, dates, money...).
_SKIP_LABELS = (
    "months",
    "geographies",
    "industries",
    "segments",
    "resources",
    "DATE",
    "channels",
    "activity-nouns",
    "metrics",
    "MONEY",
)
# Words that start a line "Word: ..." without naming who does it.
_LABELS = frozenset(
    {
        "note",
        "notes",
        "goal",
        "target",
        "objective",
        "why",
        "what",
        "how",
        "when",
        "step",
        "phase",
        "week",
        "month",
        "day",
        "result",
        "outcome",
        "context",
        "summary",
        "update",
        "status",
        "risk",
        "next",
        "kpi",
        "budget",
        "owner",
        "due",
        "supports",
        "pillar",
        "example",
        "tip",
        "warning",
        "important",
        "action",
        "task",
        "milestone",
        "deadline",
    }
)


def _weak(value: str, weak: frozenset[str]) -> bool:
    v = value.strip().strip("*_ ").lower()
    if _PLACEHOLDER.match(v):
        return True
    return v in weak or v.rstrip(".") in weak


def _ancestors(a: Analysis, st: Statement) -> Iterator[Statement]:
    """The items it sits under, and for a table row the row it continues ("Month 1" over the
    rows of that month's tasks)."""
    p = st.parent if st.parent is not None else st.continues
    while p is not None:
        parent = a.doc.statements[p]
        yield parent
        p = parent.parent if parent.parent is not None else parent.continues


def _section_chain(a: Analysis, st: Statement, scope: Scope) -> Iterator[int]:
    s: int | None = st.section
    while s is not None:
        yield s
        if s == a.top and a.top != 0:
            yield 0
        if s not in scope.sections:
            break
        s = a.doc.sections[s].parent


# -- owners -------------------------------------------------------------------------------------


def _owner_in_text(a: Analysis, sig: Signals, heading: bool = False) -> bool:
    if sig.has("HANDLE"):
        return True
    if sig.has("OWNER_MARKER"):
        return True
    toks = sig.tokens
    roles = sig.get("roles")
    weak = lexicon.term_set("weak-owners", a.lexicon_extra)
    shape = sentence_shape(toks)
    subject_end = toks[shape.verb].start if shape.verb >= 0 and shape.subject else -1
    for a0, b0 in roles:
        k = next((i for i, t in enumerate(toks) if t.start == a0), -1)
        prev = toks[k - 1].lower if k > 0 else ""
        prev2 = toks[k - 2].lower if k > 1 else ""
        if prev in _AUDIENCE or prev2 in _AUDIENCE and prev in {"the", "our", "all", "new", "each"}:
            continue  # the audience: "a webinar for IT managers"
        word = sig.text[a0:b0]
        if word.lower() in weak:
            continue
        # A role or team owns the item where it is written as a name ("RevOps", "AE", "Marketing")
        # or stands where owners stand (the subject, in brackets, after a dash).
        if (
            any(c.isupper() for c in word)
            or a0 < subject_end
            or (prev in {"(", "—", "–", "-", ":", "/", "|", "by"} and sig.text[a0 - 1 : a0] != "-")
        ):
            return True
    return _person(sig, heading, weak)


def _subject_owner(shape: Shape, extra_weak: frozenset[str]) -> bool:
    """The subject of a present or modal sentence names who does it: a named group, or one
    capitalised word that is a name."""
    if shape.frame not in ("present", "modal") or not shape.subject:
        return False
    words = shape.subject.split()
    if (
        len(words) >= 2
        and words[-1].lower() in _GROUPS
        and words[0].lower() not in _PRONOUNS
        and shape.subject.lower() not in extra_weak
    ):
        # "Leadership team will share the minutes", "Events committee books …": the group
        # is named, though "leadership" alone, as an owner field, is too vague.
        return True
    first = words[0]
    return (
        first[:1].isupper()
        and first.isalpha()
        and (
            not lexicon.wordforms().flags.get(first.lower())
            # "Warren will collaborate with …", "Tom chases the proposals": one capitalised
            # word with no article before the verb is a name or a team, even when it is
            # also an English word.
            or shape.subject.strip() == first
        )
        and first.lower() not in _PRONOUNS
        and first.lower() not in set(extra_weak)
    )


def _person(sig: Signals, heading: bool, extra_weak: frozenset[str]) -> bool:
    """A person's name where owners stand: the subject, in brackets, or after a dash at the end."""
    toks = [t for t in sig.tokens if t.text.strip()]
    if not toks:
        return False
    skip_spans = [s for lab in _SKIP_LABELS for s in sig.get(lab)]

    def name_like(i: int) -> bool:
        t = toks[i]
        if not (t.text[:1].isupper() and t.text[1:].islower() and t.text.isalpha()):
            return False
        if t.flags or len(t.text) < 2 or t.lower in _PRONOUNS or t.lower in extra_weak:
            return False
        return not any(a <= t.start < b for a, b in skip_spans)

    if _subject_owner(sentence_shape(sig.tokens), extra_weak):
        return True
    colon = next((k for k, t in enumerate(toks[:5]) if t.text in {":", "—", "–"}), -1)
    if (
        colon > 0
        and all(
            t.text[:1].isupper()
            or t.lower in {"and", "&", ",", "/"}
            or (k == colon - 1 and k > 0 and t.lower in _GROUPS)
            for k, t in enumerate(toks[:colon])
        )
        and toks[0].lower not in _LABELS
        and toks[0].lower not in _PRONOUNS | _ARTICLES  # "The team —", "Our team:": weak owners
        and not any(a <= toks[0].start < b for a, b in skip_spans)
    ):
        return True  # "Tom: write the template", "Camila and Diego: attend …", "Solutions team — …"
    for i in range(len(toks)):
        if not name_like(i):
            continue
        prev = toks[i - 1].text if i else ""
        if prev in {"(", "—", "–", "-", ":", "/", "|", ";"} or (
            i == 0
            and len(toks) > 1
            and (
                toks[1].text in {":", "—", "–", "(", "to", "will", "owns", "leads", "'s"}
                or "Z" in toks[1].flags
            )
        ):
            return True
        if heading and i == 0:
            return True
        if prev == "." and i + 1 < len(toks) and toks[i + 1].text in {",", "and", "&"}:
            return True  # "Run two lunch-and-learns. Gil, March and May." / "Kayla and Gil, …"
        if i >= len(toks) - 3 and prev in {",", "by", "with"}:
            return True
    return False


def _field_owner(fields: tuple[Field, ...], weak: frozenset[str]) -> bool | None:
    """True: a real owner; False: only weak or placeholder owners; None: no owner field."""
    vals = [f.value for f in fields if f.label == "owner"]
    if not vals:
        return None
    return any(not _weak(v, weak) for v in vals)


def _page_names(a: Analysis) -> frozenset[str]:
    """First names the page writes as a person's full name somewhere ("AE: Rob Lindqvist", "Renee
    Ortiz (Texas) and …"): two capitalised words, the second no English word. Read once a page."""
    names: frozenset[str] | None = a.memo.get("page_names")
    if names is None:
        found = set()
        for sig in a.signals:
            toks = sig.tokens
            for t, u in zip(toks, toks[1:], strict=False):
                if (
                    _titlecase(t)
                    and _titlecase(u)
                    and not u.flags
                    and t.end < u.start
                    and t.lower not in _PRONOUNS
                    and t.lower not in _LABELS
                ):
                    found.add(t.lower)
        names = a.memo["page_names"] = frozenset(found)
    return names


def _titlecase(t: Tok) -> bool:
    return len(t.text) > 1 and t.text[0].isupper() and t.text[1:].islower() and t.text.isalpha()


def _opens_with_page_name(a: Analysis, sig: Signals) -> bool:
    """The item opens with a first name the page gives in full elsewhere: "Rob arranges a reference
    call …" where the page says "AE: Rob Lindqvist" ("rob" is also an English verb, so the opening
    alone reads as an imperative)."""
    toks = [t for t in sig.tokens if t.text.strip()]
    return len(toks) > 1 and _titlecase(toks[0]) and toks[0].lower in _page_names(a)


def has_owner(a: Analysis, st: Statement, scope: Scope) -> bool:
    weak = lexicon.term_set("weak-owners", a.lexicon_extra)
    chain = [st, *_ancestors(a, st)]
    for item in chain:
        fo = _field_owner(item.fields, weak)
        if fo is not None:
            return fo
        sig = a.signals[item.index]
        if _owner_in_text(a, sig) or _opens_with_page_name(a, sig):
            return True
    for s in _section_chain(a, st, scope):
        sec = a.doc.sections[s]
        fo = _field_owner(sec.fields, weak)
        if fo is not None:
            return fo
        if (
            sec.heading is not None
            and s != a.doc.title
            and _owner_in_text(a, a.signals[sec.heading], heading=True)
        ):
            return True
    return False


# -- deadlines ----------------------------------------------------------------------------------


def _time_in(sig: Signals) -> bool:
    return sig.has("DATE", "DURATION", "FREQUENCY", "frequencies", "SLA")


def _field_due(fields: tuple[Field, ...], a: Analysis) -> bool | None:
    vals = [f.value for f in fields if f.label == "due"]
    if not vals:
        return None
    vague = lexicon.term_set("vague-times", a.lexicon_extra)
    for v in vals:
        low = v.strip().strip("*_ ").lower()
        if not low or _PLACEHOLDER.match(low) or low in vague or low.rstrip(".") in vague:
            continue
        return True
    return False


_LEAD_IN = re.compile(r"[:：]\s*$|\b(?:following|below)\b", re.IGNORECASE)
# How far back a list's opening sentence is looked for: each item walks back over the items
# before it, so the walk is bounded to keep time linear on a list of thousands (SPEC §7).
_LEAD_IN_REACH = 200


def _lead_in_time(a: Analysis, top: Statement) -> bool:
    """The sentence that opens the item's list names its period: "The following objectives were
    identified for 2016:" over the list times every item in it, as a field under a heading does
    (SPEC §8.6)."""
    if top.form != "item":
        return False
    j = top.index - 1
    stop = max(-1, j - _LEAD_IN_REACH)
    while j > stop and a.doc.statements[j].form == "item":
        j -= 1
    if j < 0 or a.doc.statements[j].form == "item":
        return False
    intro = a.doc.statements[j]
    return (
        intro.form == "sentence"
        and intro.section == top.section
        and bool(_LEAD_IN.search(intro.text))
        and _timed(a, intro)
    )


def _timed(a: Analysis, st: Statement) -> bool:
    """The statement's own text gives a time: a date, duration or recurrence, a season, a year,
    or a time relative to a named event."""
    return (
        _time_in(a.signals[st.index])
        or bool(_SEASON.search(st.text))
        or bool(_OLDER_YEAR.search(st.text))
        or bool(_BY_EVENT.search(st.text))
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


# A season is a time frame ("for the autumn trade shows", "by next summer"); "spring" and "fall"
# only after a time word, as they are verbs and nouns too.
_SEASON = re.compile(
    r"\b(?:autumn|summer|winter)\b|\b(?:by|in|before|until|during|this|next|early|mid|late)"
    r"\s+(?:the\s+)?(?:spring|fall)\b",
    re.IGNORECASE,
)

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
    ("## Q1"). The document's title names the plan and its period ("Q1 sales action plan"): that
    period is the plan's horizon, not a deadline for each of its items (SPEC §8.2)."""
    chain = [st, *_ancestors(a, st)]
    for item in chain:
        fd = _field_due(item.fields, a)
        if fd is not None:
            return fd
        if _timed(a, item) or _PER_EVENT.search(item.text):
            return True
    if _lead_in_time(a, chain[-1]):
        return True
    for s in _section_chain(a, st, scope):
        sec = a.doc.sections[s]
        fd = _field_due(sec.fields, a)
        if fd is not None:
            return fd
        if sec.heading is not None and s != a.doc.title and _time_in(a.signals[sec.heading]):
            return True
    return False
