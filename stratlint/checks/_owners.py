"""Whether a plan item has an owner (P202): in its fields, its text, the items it sits under or
the headings above it, within its plan. Deadlines (P203) are in `_deadlines`."""

from __future__ import annotations

from collections.abc import Sequence

from stratlint import lexicon
from stratlint.checks._chain import PLACEHOLDER, answer_above
from stratlint.model import Field, Statement
from stratlint.understand.analysis import Analysis, Scope
from stratlint.understand.nlp import Signals
from stratlint.understand.shape import Shape, sentence_shape
from stratlint.understand.signals import Tok

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
    # question words open headings ("What we'll do", "How we sell"), never a name
    "what",
    "how",
    "why",
    "where",
    "when",
    "who",
    "which",
}
# A named group as the subject owns the item: "Leadership team", "Partner council" ("The team" and
# "Our team" do not: their first word is a determiner).
_GROUPS = frozenset(
    {"team", "group", "committee", "council", "board", "squad", "crew", "department", "guild"}
)
# A role after one of these, outside the subject, is whom the item acts on, not who does it.
_OBJECT_DETERMINERS = frozenset(
    {"each", "every", "all", "the", "their", "its", "any", "his", "her"}
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
    if PLACEHOLDER.match(v):
        return True
    return v in weak or v.rstrip(".") in weak


# -- owners -------------------------------------------------------------------------------------


_PHRASE_OPENERS = frozenset({"the", "our", "all", "new", "each", "their", "its", "a", "an"})


def _in_audience_phrase(toks: Sequence[Tok], k: int) -> bool:
    """The role at token `k` is inside a noun phrase an audience word opens: "for the IT
    managers", "with the IBA HR forum" (a determiner and names between them)."""
    j = k - 1
    seen_det = False
    while j >= 0 and k - j <= 4:
        t = toks[j]
        if t.lower in _AUDIENCE:
            return seen_det
        if t.lower in _PHRASE_OPENERS:
            seen_det = True
        elif not (t.text[:1].isupper() and t.text.isalpha()):
            return False
        j -= 1
    return False


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
        if prev in _AUDIENCE or _in_audience_phrase(toks, k):
            continue  # the audience: "a webinar for IT managers", "with the IBA HR forum"
        if prev in _OBJECT_DETERMINERS and a0 >= subject_end and prev2 != "by":
            continue  # whom the item acts on: "Call each HR director on the list"
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


def subject_owner(shape: Shape, extra_weak: frozenset[str]) -> bool:
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


def named_doer(a: Analysis, shape: Shape, index: int) -> bool:
    """The subject of a present or modal sentence is a named team ("Rosa's team sends …") or a
    person the page names in full elsewhere ("Tasha books …" beside "Tasha Greene"): who does
    it, not the business the page speaks for ("Brightwater puts an applications chemist on each
    line", as "we" would)."""
    if not subject_owner(shape, lexicon.term_set("weak-owners", a.lexicon_extra)):
        return False
    words = shape.subject.split()
    if len(words) >= 2 and words[-1].lower() in _GROUPS:
        return True
    return bool(_page_names(a).get(words[0].lower(), frozenset()) - {index})


def _person(sig: Signals, heading: bool, extra_weak: frozenset[str]) -> bool:
    """A person's name where owners stand: the subject, in brackets, or after a dash at the end."""
    toks = [t for t in sig.tokens if t.text.strip()]
    if not toks:
        return False
    skip_spans = [s for lab in _SKIP_LABELS for s in sig.get(lab)]

    def name_like(i: int) -> bool:
        t = toks[i]
        if not _titlecase(t):
            return False
        if t.flags or t.lower in _PRONOUNS or t.lower in extra_weak:
            return False
        return not any(a <= t.start < b for a, b in skip_spans)

    shape = sentence_shape(sig.tokens)
    if subject_owner(shape, extra_weak):
        return True
    words = shape.subject.split()
    if (
        shape.frame in ("present", "modal")
        and len(words) >= 2
        and all(_titlecase_word(w) for w in words)
        and sig.tokens[shape.verb].lower not in _BE
    ):
        return True  # "Customer Service publishes …", "Inside Sales will call …": a named team
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
        and toks[0].lower not in _PRONOUNS  # "The team —", "Our team:": weak owners
        and not any(a <= toks[0].start < b for a, b in skip_spans)
    ):
        return True  # "Tom: write the template", "Camila and Diego: attend …", "Solutions team — …"
    for i in range(len(toks)):
        prev = toks[i - 1].text if i else ""
        if (
            _titlecase(toks[i])
            and _full_name(toks, i)
            and toks[i].lower not in _PRONOUNS
            and (
                prev in {"(", "[", "—", "–", "|"}
                # "Our compliance counsel, Farah Sheikh, briefs …": the doer named beside it
                or (prev == "," and i + 2 < len(toks) and toks[i + 2].text == "," and i <= 6)
            )
        ):
            return True  # "… in Q2 — Tom Ashworth": a full name, its first an English word too
        if not name_like(i):
            continue
        if prev in {"(", "[", "—", "–", "-", ":", "/", "|", ";"} or (
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
        if prev.lower() in {".", "by"} and _full_name(toks, i):
            # "**Recruitment panel.** Sofie Jensen builds …", "… built by Daniela Ruiz by 28 Feb"
            return True
        if i >= len(toks) - 3 and prev in {",", "by", "with"}:
            return True
    return False


def _field_owner(fields: tuple[Field, ...], weak: frozenset[str]) -> bool | None:
    """True: a real owner; False: only weak or placeholder owners; None: no owner field."""
    vals = [f.value for f in fields if f.label == "owner"]
    if not vals:
        return None
    return any(not _weak(v, weak) for v in vals)


def _page_names(a: Analysis) -> dict[str, frozenset[int]]:
    """First names the page writes as a person's full name somewhere ("AE: Rob Lindqvist", "Renee
    Ortiz (Texas) and …", an owner field or column "Tasha Greene"): two capitalised words, the
    second no English word (in an owner's place, any), with the statements that write them. Read
    once a page."""
    names: dict[str, frozenset[int]] | None = a.memo.get("page_names")
    if names is None:
        found: dict[str, set[int]] = {}
        for k, sig in enumerate(a.signals):
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
                    found.setdefault(t.lower, set()).add(k)
            for f in a.doc.statements[k].fields:
                # An Owner column or field: "| … | Tasha Greene | 2 Apr 2027 |"
                words = f.value.split()
                if f.label == "owner" and len(words) >= 2 and all(map(str.istitle, words[:2])):
                    found.setdefault(words[0].lower(), set()).add(k)
        names = a.memo["page_names"] = {n: frozenset(ks) for n, ks in found.items()}
    return names


def _full_name(toks: list[Tok], i: int) -> bool:
    """Tokens i and i+1 are a first name and a surname: two capitalised words, the second no
    English word ("Daniela Ruiz", not "Pilot Program")."""
    return (
        i + 1 < len(toks)
        and _titlecase(toks[i + 1])
        and not toks[i + 1].flags
        and toks[i].end < toks[i + 1].start
    )


_BE = frozenset({"is", "are", "was", "were", "be", "been"})


def _titlecase_word(w: str) -> bool:
    return len(w) > 1 and w[0].isupper() and w[1:].islower() and w.isalpha()


def _titlecase(t: Tok) -> bool:
    return len(t.text) > 1 and t.text[0].isupper() and t.text[1:].islower() and t.text.isalpha()


def _opens_with_page_name(a: Analysis, sig: Signals, index: int) -> bool:
    """The item opens with a first name the page gives in full elsewhere: "Rob arranges a reference
    call …" where the page says "AE: Rob Lindqvist" ("rob" is also an English verb, so the opening
    alone reads as an imperative)."""
    toks = [t for t in sig.tokens if t.text.strip()]
    if len(toks) < 2 or not _titlecase(toks[0]):
        return False
    if _full_name(toks, 0):
        return True  # "Renee Ortiz (Texas) and Sam Achebe (Florida) quote …": the name in full
    # Written in full elsewhere: "Sponsor Leeds Digital Festival" names no "Sponsor" by itself.
    return bool(_page_names(a).get(toks[0].lower, frozenset()) - {index})


def has_owner(a: Analysis, st: Statement, scope: Scope) -> bool:
    weak = lexicon.term_set("weak-owners", a.lexicon_extra)
    return answer_above(
        a,
        st,
        scope,
        lambda fields: _field_owner(fields, weak),
        lambda item: (
            _owner_in_text(a, a.signals[item.index])
            or _opens_with_page_name(a, a.signals[item.index], item.index)
        ),
        lambda heading: _owner_in_text(a, a.signals[heading], heading=True),
    )
