"""Person names on a page: first names it writes in full somewhere, full names, and the words
that are never names (pronouns, determiners, line labels), and nouns that name people by what
they do. Read by the owner checks (P202) and by S102's doers."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from stratlint import lexicon
from stratlint.understand.analysis import Analysis
from stratlint.understand.nlp import Signals
from stratlint.understand.signals import Tok

PRONOUNS = {
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
# Words that start a line "Word: ..." without naming who does it.
LABELS = frozenset(
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


def page_names(a: Analysis) -> dict[str, frozenset[int]]:
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
                    titlecase(t)
                    and titlecase(u)
                    and not english_word(u)
                    and t.end < u.start
                    and t.lower not in PRONOUNS
                    and t.lower not in LABELS
                ):
                    found.setdefault(t.lower, set()).add(k)
            for f in a.doc.statements[k].fields:
                # An Owner column or field: "| … | Tasha Greene | 2 Apr 2027 |"
                words = f.value.split()
                if f.label == "owner" and len(words) >= 2 and all(map(str.istitle, words[:2])):
                    found.setdefault(words[0].lower(), set()).add(k)
        for key in ("owner", "author"):  # front matter: "owner: Gemma Harlow"
            words = str((a.doc.front_matter or {}).get(key) or "").split()
            if len(words) >= 2 and all(map(titlecase_word, words[:2])):
                found.setdefault(words[0].lower(), set()).add(-1)
        names = a.memo["page_names"] = {n: frozenset(ks) for n, ks in found.items()}
    return names


# After a name that opens an item: its verb, an apposition or the next cell ("Rob Lindqvist
# sends …", "Mark Dunn, site manager, opens …", "Mark Ellison; CISO").
_AFTER_NAME = frozenset({",", "(", ";", "—", "–", "|", "and", "&", "will", "to"})


def _name_not_imperative(toks: list[Tok]) -> bool:
    """Two capitalised words opening an item are a name unless the first can be a verb and
    nothing after them reads as a name's: "Sponsor Leeds Digital Festival", "Meet Dana Whitfield"
    and "Open Philadelphia with …" are imperatives; "Rob Lindqvist sends …" is not."""
    if "V" not in toks[0].flags or len(toks) < 3:
        return True
    k = 3 if toks[1].lower in _PARTICLES and len(toks) > 3 else 2
    nxt = toks[k]
    if nxt.text in _AFTER_NAME or "Z" in nxt.flags:  # Z: a verb's -s form ("sends")
        return True
    # "Mark Lewis re-tenders …", "Ana Ortiz co-hosts …": a prefixed verb's -s form
    return k + 2 < len(toks) and toks[k + 1].text == "-" and "Z" in toks[k + 2].flags


# Titles before a name, and the particles inside a surname ("Mark de Wit", "Anna van Dijk").
_HONORIFICS = frozenset({"dr", "prof", "mr", "mrs", "ms", "mx", "sir", "dame"})
_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "al", "bin"}
)


def full_name(toks: list[Tok], i: int) -> bool:
    """Tokens i and i+1 are a first name and a surname: two capitalised words, the second no
    English word ("Daniela Ruiz", not "Pilot Program"); or a particle and a capitalised word
    after the first name ("Mark de Wit")."""
    if i + 2 < len(toks) and toks[i + 1].lower in _PARTICLES and toks[i + 1].text.islower():
        return titlecase(toks[i + 2]) and toks[i].end < toks[i + 1].start
    return (
        i + 1 < len(toks)
        and titlecase(toks[i + 1])
        and not english_word(toks[i + 1])
        and toks[i].end < toks[i + 1].start
    )


def english_word(t: Tok) -> bool:
    """The word-form table has the word. A word it lacks that reads as a verb made with a prefix
    ("relaunch", `lexicon.word_class`) is still no English word for a name: "Priya Mistry",
    "Dan Underwood"."""
    if not t.flags:
        return False
    return bool(lexicon.wordforms().flags.get(t.lower))


def given_name(t: Tok) -> bool:
    """A capitalised given name that is an English word too ("Ray", "Tom", "Mark"): a name where
    an owner stands, though the word-form table reads it as a noun or a verb."""
    return titlecase(t) and t.lower in lexicon.given_names()


def titlecase_word(w: str) -> bool:
    return len(w) > 1 and w[0].isupper() and w[1:].islower() and w.isalpha()


def titlecase(t: Tok) -> bool:
    return len(t.text) > 1 and t.text[0].isupper() and t.text[1:].islower() and t.text.isalpha()


def opens_with_page_name(a: Analysis, sig: Signals, index: int) -> bool:
    """The item opens with a first name the page gives in full elsewhere: "Rob arranges a reference
    call …" where the page says "AE: Rob Lindqvist" ("rob" is also an English verb, so the opening
    alone reads as an imperative)."""
    toks = [t for t in sig.tokens if t.text.strip()]
    if len(toks) < 2:
        return False
    if toks[0].text.rstrip(".").lower() in _HONORIFICS and (
        titlecase(toks[1]) or toks[1].text == "."
    ):
        return True  # "Dr. Lena Ortiz updates the validation pack …"
    if not titlecase(toks[0]):
        return False
    if len(toks) > 2 and not english_word(toks[0]) and titlecase(toks[1]) and "Z" in toks[2].flags:
        return True  # "Omar Said rewrites …": a name, then its verb, the surname an English word
    if full_name(toks, 0) and _name_not_imperative(toks):
        return True  # "Renee Ortiz (Texas) and Sam Achebe (Florida) quote …": the name in full
    # Written in full elsewhere: "Sponsor Leeds Digital Festival" names no "Sponsor" by itself.
    return bool(page_names(a).get(toks[0].lower, frozenset()) - {index})


def first_sense_person(word: str) -> bool:
    """The noun's most frequent sense is a person and it is no machine (`lexicon.person_nouns`:
    "secretary", "voicers", "dean"; not "server"), a noun in English use ("seasonal" the word-form
    table knows only as an adjective), and not whom a business sells to
    ("customers", "tenants", "distributors": the segment lexicons' words), who are an item's
    audience, not its doer."""
    forms = lexicon.wordforms()
    noun = forms.noun_lemma.get(word) or word
    if noun not in forms.flags and noun.endswith("s"):
        noun = noun[:-1]  # "voicers": a plural the word-form table does not know
    flags = forms.flags.get(noun)
    if flags is not None and "N" not in flags:
        return False  # "seasonal": the word-form table knows it only as an adjective
    return noun in lexicon.person_nouns() and noun not in _customer_words()


@lru_cache(maxsize=1)
def _customer_words() -> frozenset[str]:
    """One-word terms of the lexicons of whom a business sells to."""
    names = ("segments", "personas", "industries", "markets", "channels", "universal")
    return frozenset(t for n in names for t in lexicon.term_set(n) if " " not in t)


def person_noun(word: str) -> bool:
    """A noun that names a person by what they do: -ist or -ian ("agronomists", "technician"),
    or the agent noun of a verb the word-form table knows ("planner", "director",
    "consultant")."""
    forms = lexicon.wordforms()
    noun = forms.noun_lemma.get(word) or word
    flags = forms.flags.get(noun) or ""
    if "N" not in flags or "V" in flags or len(noun) < 6:
        return False
    if noun.endswith(("ist", "ian")) and not noun.endswith("list"):
        return True
    for suffix in ("er", "or", "ant"):
        if noun.endswith(suffix):
            base = noun[: -len(suffix)]
            if suffix == "er" and base[-2:-1] == base[-1:]:
                base = base[:-1]  # planner → plan
            # manager → manage, director → direct, consultant → consult
            return any("V" in (forms.flags.get(base + e) or "") for e in ("", "e"))
    return False


# Marks after which an item's owner is written: a dash, an opening bracket, a comma.
_SLOT = frozenset({"—", "–", "(", ","})


def set_off_name(sig: Signals, toks: list[Tok], i: int, skip: Sequence[tuple[int, int]]) -> bool:
    """A name set off where an item's owner is written, whether or not its words are English
    words too ("Tom", "Reed", "Brent"): two capitalised words that close the item after a dash or
    an opening bracket ("… in May — Tom Reed.", "… (Ana Wood)"), or a capitalised word set off by
    a comma or dash before a date ("… £2,500, Callum, 19 June."; in a bracket it is where, not
    who: "(Galveston, June)"). None of its words is a pronoun or inside `skip` (months, places,
    industries …)."""
    prev = toks[i - 1].text if i else ""
    if prev not in _SLOT or i + 1 >= len(toks) or not titlecase(toks[i]):
        return False
    if toks[i].lower in PRONOUNS or any(a <= toks[i].start < b for a, b in skip):
        return False
    if toks[i + 1].text == ",":  # "Callum, 19 June": a date next, within three words
        if prev == "(":
            return False  # "(Galveston, June)", "(Amsterdam, March 2027)": where and when
        until = toks[min(i + 4, len(toks) - 1)].end
        return any(toks[i + 1].end <= a <= until for a, _ in sig.get("DATE"))
    after = toks[i + 2].text if i + 2 < len(toks) else ""
    second = toks[i + 1]
    return (
        prev != ","
        and after in {"", ".", ")", ";"}
        and not (after == "" and prev == "(")
        and titlecase(second)
        and second.lower not in PRONOUNS
        and toks[i].end < second.start
        and not any(a <= second.start < b for a, b in skip)
    )


def heading_names_person(toks: Sequence[Tok]) -> bool:
    """A heading that opens with a person: a full name alone or set off ("## Dana Whitfield",
    "## Dana Whitfield — West"), or a possessive ("### Priya's accounts"). A place or a product
    that opens a heading ("## Kentucky conversion", "## Huller battery bundle") is what the
    items are about."""
    if len(toks) > 1 and toks[1].text in {"'s", "’s"}:
        return True
    if not full_name(list(toks), 0):
        return False
    return len(toks) == 2 or not any(c.isalnum() for c in toks[2].text)


# Marks that set a name off where owners stand: "(Mark, 1 March)", "… — Mark", "Owner: Mark".
_SET_OFF = frozenset({"(", "[", "—", "–", "-", ":", "/", "|", ";"})
_DASHES = frozenset({"—", "–", "-"})
# After a name set off by a dash, the words that go on naming who: "— Mark and Priya", "— Mark
# to send", "— Mark by 15 February".
_GO_ON = frozenset({"and", "or", "to", "by", "with"})


def owner_set_off(toks: Sequence[Tok], i: int) -> bool:
    """The word at `i` is set off where an owner stands: after a bracket, a colon, a slash, or
    a dash at the end ("Send the renewal pack — Mark", "— Mark Ruiz, by 15 February"). After a
    dash a name that a lower-case word follows opens a title: "### Plan 3 — Wellpoint hire",
    "Roadshow — Denver leg in March" name what, not who."""
    prev = toks[i - 1].text if i else ""
    if prev not in _SET_OFF:
        return False
    if prev not in _DASHES or toks[i - 1].end == toks[i].start:
        return True  # a bracket, a colon …; or a hyphen inside a name ("Mei-Lin")
    j = i + 2 if i + 1 < len(toks) and titlecase(toks[i + 1]) else i + 1
    nxt = toks[j] if j < len(toks) else None
    return (
        nxt is None
        or not (nxt.text.isalpha() and nxt.text.islower())
        or nxt.lower in _GO_ON
        or "Z" in nxt.flags  # "**Win-back calls** — Rhys Morgan calls all 31 lapsed dealers"
    )
