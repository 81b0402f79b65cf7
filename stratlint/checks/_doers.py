"""Doers the sentence reader misses (SPEC §3 P202, §8.4, §8.6): a doer and its verb opening an
item where the word classes read the opening as a command or a noun phrase ("Ray Stoltz reprices
…", "Install crew swaps …", "Dispatch lead Ravi Singh publishes …"), and a parent item that names
only a role over the duties it owns ("Committee Secretary"). Nouns that name people come from the
word-form table's agent nouns and from WordNet's first senses (`lexicon.person_nouns`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from stratlint import lexicon
from stratlint.checks._names import (
    PRONOUNS,
    english_word,
    first_sense_person,
    full_name,
    page_names,
    person_noun,
    titlecase,
)
from stratlint.checks._role_places import GROUPS
from stratlint.checks._subjects import BE, PREPS, first_words, role_heads
from stratlint.checks._targets import NUMBER_WORD
from stratlint.model import Statement
from stratlint.understand.analysis import Analysis
from stratlint.understand.signals import Tok

_DETERMINERS = lexicon.grammar()["determiners"]
# After a doer's verb, a particle that belongs to it ("sets up", "rides along"), not a place.
_PARTICLES = frozenset({"up", "along", "out", "off", "down", "over", "back", "through"})
_OPENERS = frozenset({"the", "our", "each", "every", "all", "both"})
_JOINERS = frozenset({"and", "or", "nor", "&", "plus"})


def _opening_words(words: Sequence[Tok]) -> list[tuple[str, int]]:
    """The words that open a sentence, up to six, each with the index of its last token, a
    hyphenated word as one ("Min-jun", "co-sign"): letters only, no preposition or determiner
    after the first."""
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(words) and len(out) < 6:
        t = words[i]
        if not t.text.isalpha() or (
            out and (t.lower in PREPS or t.lower in _DETERMINERS or NUMBER_WORD.fullmatch(t.text))
        ):
            break  # "Send Anke two manufacturer references …": what is sent, not who sends it
        nxt = words[i + 1] if i + 1 < len(words) else None
        after = words[i + 2] if i + 2 < len(words) else None
        if (
            nxt is not None
            and after is not None
            and nxt.text in {"-", "‑"}
            and t.end == nxt.start
            and nxt.end == after.start
            and after.text.isalpha()
        ):
            out.append((t.text + "-" + after.text, i + 2))
            i += 3
            continue
        out.append((t.text, i))
        i += 1
    return out


def _agrees(head: Tok, verb: str, flags: str, after: Tok | None) -> bool:
    """`verb` reads as the verb of a subject whose last word is `head`, with what it acts on
    after it: "Ray Stoltz reprices the routes", "Derek Hall demos the portal" (a word in -s the
    word-form table knows only as a plural noun), "Program managers add a review". Not a form
    of "be" or "have"; not a place or time right after it ("Kirkstall Park opens in April":
    the park, no doer); not a plural noun after its adjective or before "and" ("Begin regular
    updates and interactive sessions …")."""
    if after is None or not verb.replace("-", "").isalpha():
        return False
    if verb in BE or verb in {"has", "have", "does", "do"} or after.lower in _JOINERS:
        return False
    if "N" in flags and "A" in head.flags and head.text.islower():
        return False  # "regular updates": a noun after its adjective; a name is no adjective
    object_first = after.lower in _DETERMINERS or after.text[:1].isdigit()
    takes_object = (
        object_first
        or after.lower in _PARTICLES
        or (after.text.isalpha() and after.lower not in PREPS and "R" not in after.flags)
    )
    if not takes_object:
        return False
    plural = head.lower.endswith("s") and not head.lower.endswith("ss")
    if plural:
        return "V" in flags and "Z" not in flags
    if not verb.endswith("s") or verb.endswith("ss"):
        return False
    # a word the table lacks or knows only as a plural noun is a verb where a determiner or a
    # number follows it ("reprices the routes", "demos the portal"), not before another word
    # ("District agronomists co-sign", "Head voicers join")
    return "Z" in flags or (flags in {"", "N"} and object_first)


def _is_name(a: Analysis, names: Sequence[str]) -> bool:
    """Capitalised words that name a person, not the business the page is about (none of them is
    in the page's title): a given name no English word, a hyphenated one, or one the page writes
    in full elsewhere ("Ray calls …" beside "Ray Okafor")."""
    if not names or not all(w[:1].isupper() for w in names) or names[0].lower() in PRONOUNS:
        return False
    if _in_title(a, names):
        return False
    first = names[0].lower()
    if bool(page_names(a).get(first)):
        return True
    return len(names) >= 2 and ("-" in first or not lexicon.wordforms().flags.get(first))


def doer_then_verb(a: Analysis, toks: Sequence[Tok]) -> bool:
    """The sentence opens with its doer and the doer's verb, where the word classes read the
    opening as a command or a noun phrase ("Ray Stoltz reprices …": "ray" is a verb; "Install
    crew swaps …", "Program managers add …", "Dispatch lead Ravi Singh publishes …"): people
    named by what they do (a noun naming a person or a group), a person's name, or a role and
    then the name."""
    words = first_words(toks, 12)
    opening = _opening_words(words)
    for k in range(1, len(opening)):
        verb, end = opening[k]
        after = words[end + 1] if end + 1 < len(words) else None
        flags = "V" if "-" in verb else words[end].flags
        if not _agrees(words[opening[k - 1][1]], verb.lower(), flags, after):
            continue
        doer = [w for w, _ in opening[:k]]
        if doer[0].lower() in _OPENERS:
            doer = doer[1:]
        return bool(doer) and _names_doer(a, doer)
    return False


def _names_doer(a: Analysis, doer: Sequence[str]) -> bool:
    """A subject's words name who does it: its last word a noun naming a person or a group
    ("agronomists", "crew", "reps"), or it ends in a person's name ("Ravi Singh")."""
    last = doer[-1].lower()
    singular = last[:-1] if last.endswith("s") else last
    weak = lexicon.term_set("weak-owners", a.lexicon_extra)
    if " ".join(doer).lower() in weak or (len(doer) == 1 and singular in GROUPS):
        return False  # "The team follows up …", "Everyone sends …": a weak owner (SPEC §3)
    if (
        person_noun(last)
        or first_sense_person(last)
        or singular in GROUPS
        or singular in role_heads()
    ):
        return True
    n = 0
    while n < min(3, len(doer)) and doer[len(doer) - 1 - n][:1].isupper():
        n += 1
    name = list(doer[len(doer) - n :])
    if len(name) > 2 and len(doer) > n:
        name = name[-2:]  # "Dispatch lead Ravi Singh": after a role, the name is its last words
    if len(doer) > n:
        # "Coach lead Sam Fraser writes …": a role's words, then a first name and a surname
        return len(name) == 2 and not _in_title(a, name)
    return _is_name(a, name)


def _in_title(a: Analysis, names: Sequence[str]) -> bool:
    """A word of `names` is in the page's title: the business the page is about ("Harbour
    Freight runs …" under "# Harbour Freight plan 2027"), as "we" would be."""
    title = a.doc.sections[a.doc.title].title.lower() if a.doc.title is not None else ""
    return any(re.search(rf"\b{re.escape(n.lower())}\b", title) for n in names)


_ENTITY = re.compile(r"&#?[0-9A-Za-z]+;")


def name_leads_after_label(a: Analysis, st: Statement) -> bool:
    """A first name and a surname open a line of the item after its label's line, then their
    verb and the end of the sentence or what it acts on ("**Inspector-ready compliance logs**
    / Owen Price leads. Target: …": the line break is gone from the item's text). Not after a
    preposition, a determiner or "and" ("… on Riviera Maya and Costa Rica programs.")."""
    words = first_words(a.signals[st.index].tokens, 24)
    for i in range(2, len(words) - 2):
        prev, verb = words[i - 1], words[i + 2]
        after = words[i + 3] if i + 3 < len(words) else None
        if not prev.text.isalpha() or prev.lower in PREPS | _DETERMINERS | _JOINERS:
            continue
        if prev.text[:1].isupper() or "Z" not in verb.flags or not _two_names(words, i):
            continue
        if not _opens_line(a, st, prev, words[i]):
            continue
        ends = after is None or after.text == "."
        if ends or _agrees(words[i + 1], verb.lower, verb.flags, after):
            return not _in_title(a, [words[i].text, words[i + 1].text])
    return False


def _opens_line(a: Analysis, st: Statement, prev: Tok, tok: Tok) -> bool:
    """In the page's source, a line break stands between `prev` and `tok`."""
    start = st.offsets[prev.end - 1]
    return "\n" in a.doc.text[start : st.offsets[tok.start]]


def _two_names(words: Sequence[Tok], i: int) -> bool:
    """Words i and i+1 are a first name and a surname: a full name (`full_name`), or a given
    name no English word before a capitalised surname that is one ("Owen Price")."""
    if not titlecase(words[i]):
        return False
    return full_name(list(words), i) or (not english_word(words[i]) and titlecase(words[i + 1]))


def role_alone(text: str) -> bool:
    """A parent item names only a role, over the duties it owns ("Committee Secretary",
    "Communications Specialist", "Field technicians"; SPEC §3 P202: an owner given by its parent
    item): one to four words, no number or determiner first, ending in a noun whose first sense
    is a person — written as a title, or a noun of a doer's ending ("technicians", "estimators"),
    so that "Blackbaud conversion referrals" over the steps of a workstream names no one. One
    word only in the plural ("Pilot" names a step as often). An HTML entity an export leaves
    ("&#x20;") is space."""
    words = _ENTITY.sub(" ", text).replace("*", " ").replace("_", " ").split()
    if not 1 <= len(words) <= 4 or not all(w.isalpha() for w in words):
        return False
    first, head = words[0].lower(), words[-1].lower()
    if first in _DETERMINERS or first in PRONOUNS or NUMBER_WORD.fullmatch(first):
        return False
    if len(words) == 1 and not head.endswith("s"):
        return False
    if len(words) >= 2 and head in GROUPS:
        return True  # "Events committee", "Install crew"
    titled = all(w[:1].isupper() for w in words)
    return first_sense_person(head) and (titled or bool(_DOER_ENDING.search(head)))


_DOER_ENDING = re.compile(r"(?:er|or|ist|ian|ant|ent|ary|ee)s?$")
