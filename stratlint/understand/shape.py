"""The shape of a sentence without a parser: its main verb and the frame it stands in.

Frames: imperative ("Focus on …"), modal ("We will …"), infinitive ("Our goal is to …"), present
("Nadia posts …", "Churn is 4%"), past ("Win rate fell …"), noun (no verb: "Q3 webinar series").
Word classes come from the word-form table (nlp.Tok.flags); closed classes of words from
rules/lexicons/grammar.yaml.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from stratlint import lexicon
from stratlint.understand.nlp import Tok

_GRAMMAR = lexicon.grammar()
_SUBJECT_PRONOUNS = _GRAMMAR["subject_pronouns"]
_MODALS = _GRAMMAR["modals"]
_WEAK_MODALS = _GRAMMAR["weak_modals"]
_TO_VERBS = _GRAMMAR["to_verbs"]
_DETERMINERS = _GRAMMAR["determiners"]
_BE = _GRAMMAR["be"]
_PREPS = _GRAMMAR["preps"]
_SENTENCE_ADVERBS = _GRAMMAR["sentence_adverbs"]
_SUBORDINATORS = _GRAMMAR["subordinators"]


class Shape(NamedTuple):
    verb: int  # index of the main verb token, -1 if none
    frame: str  # imperative | modal | infinitive | present | past | ing | noun
    subject: str


_SHAPES: dict[tuple[int, bool], tuple[Sequence[Tok], Shape]] = {}
_SHAPES_MAX = 8192


def shape_of(tokens: Sequence[Tok], prose: bool = False) -> Shape:
    """`_read_shape`, computed once per statement: the hand classifier and the models'
    statement and section features all ask for it. Kept by the identity of the statement's
    token tuple (each Signals has its own; checked on a hit), not by its value: hashing a token
    tuple cost as much as a lookup saves (issue 15)."""
    key = (id(tokens), prose)
    hit = _SHAPES.get(key)
    if hit is not None and hit[0] is tokens:
        return hit[1]
    shape = _read_shape(tokens, prose)
    if len(_SHAPES) >= _SHAPES_MAX:
        _SHAPES.clear()
    _SHAPES[key] = (tokens, shape)
    return shape


def sentence_shape(tokens: Sequence[Tok], prose: bool = False) -> Shape:
    """The main verb and the frame it stands in (`_read_shape`), kept as `shape_of` keeps it:
    the checks ask it of statements the classifier has read already."""
    return shape_of(tokens, prose)


def _read_shape(tokens: Sequence[Tok], prose: bool = False) -> Shape:
    """Find the main verb and the frame it stands in, from word classes and word order.

    In prose (`prose=True`) a sentence rarely opens with a command: unless its first word is a
    verb our lexicons know, a subject + verb reading is tried first ("Retail foot traffic fell…").
    """
    words = _sentence_words(tokens)
    if not words:
        return Shape(-1, "noun", "")
    first = words[0]
    fl = first.flags
    low = first.lower
    if low == "to" and len(words) > 1 and "V" in words[1].flags:
        return Shape(tokens.index(words[1]), "infinitive", "")
    if low in _MODALS - {"to"} and len(words) > 1:
        return Shape(tokens.index(words[1]) if "V" in words[1].flags else -1, "modal", "")
    second = words[1] if len(words) > 1 else None
    if (
        "V" in fl
        and second is not None
        and second.lower in {"for", "by", "from", "of", "as"}
        and "N" in fl
    ):
        return Shape(-1, "noun", "")  # "Draft for the January kickoff": a noun
    if (
        "V" in fl
        and ("N" in fl or "A" in fl)
        and second is not None
        and "N" in second.flags
        and "V" not in second.flags
        and first.lemma not in _known_verbs()
        and second.lower not in _DETERMINERS
    ):
        return Shape(-1, "noun", "")  # "Green tariffs for every customer": a noun phrase
    if second is not None and second.text in {"-", "‑"}:
        return Shape(-1, "noun", "")  # "Install-on-schedule guarantee": a compound noun
    if "V" in fl and ("N" in fl or "A" in fl) and first.lemma not in _known_verbs():
        alt = _subject_verb(tokens, words)
        if alt.verb >= 0 and (
            prose or tokens[alt.verb].lower in _BE | _MODALS | {"has", "have", "had", "does", "did"}
        ):
            return alt
    if (
        "V" in fl
        and low not in _DETERMINERS
        and low not in _SUBJECT_PRONOUNS
        and (
            "N" not in fl
            or second is None
            or not (
                "Z" in second.flags
                or second.lower in (_MODALS - {"to"}) | _BE
                or ("D" in second.flags and "V" not in second.flags)
            )
        )
    ):
        return Shape(tokens.index(first), "imperative", "")
    return _subject_verb(tokens, words)


def _sentence_words(tokens: Sequence[Tok]) -> list[Tok]:
    """The words of the sentence proper: without bullets, a sentence adverb, a lead-in ending in a
    colon, a purpose or circumstance clause before a comma, or a label ("Pillar 2:", "KR1 –")."""
    words = [t for t in tokens if t.text.strip()]
    # Bullets, emoji, check marks before the first word (one slice: linear however many).
    k = 0
    for t in words:
        if t.text[:1].isalnum() or any(c.isalnum() for c in t.text):
            break
        k += 1
    if k:
        words = words[k:]
    if not words:
        return []
    if len(words) > 2 and words[0].lower in _SENTENCE_ADVERBS and words[1].text == ",":
        words = words[2:]
    if (
        len(words) > 2
        and words[1].text in {"-", "‑"}
        and words[0].lower in lexicon.VERB_PREFIXES
        and "V" in words[2].flags
    ):
        words = words[2:]  # "Re-quote the deal", "Co-host a webinar": the verb after the prefix
    lead = [t.text for t in words[:16]]
    colon = lead.index(":") if ":" in lead else -1
    if colon > 0 and colon + 1 < len(words):
        be = next((k for k, t in enumerate(words[:colon]) if t.lower in _BE), -1)
        if be >= 0 and colon - be <= 3:
            words = words[colon + 1 :]  # "Our strategy for FY27 is simple: we are going to …"
    if (words[0].lower == "to" and len(words) > 3 and "V" in words[1].flags) or (
        words[0].lower in _SUBORDINATORS
    ):
        # "To increase awareness, we target …", "After the price spike, 30% of customers left":
        # the main clause after the purpose or the circumstance decides.
        comma = next((k for k, t in enumerate(words[:18]) if t.text == ","), -1)
        if comma > 1 and comma + 1 < len(words):
            words = words[comma + 1 :]
    # Labels ("Pillar 2:", "KR1 –") before the sentence proper.
    start = 0
    for i, t in enumerate(words[:6]):
        if t.text in {":", "—", "–"} and i < 5:
            head = words[0]
            verb_first = "V" in head.flags and ("N" not in head.flags or i > 2)
            if not verb_first:
                start = i + 1
            break
    words = words[start:]
    return words


def _subject_verb(tokens: Sequence[Tok], words: Sequence[Tok]) -> Shape:
    """Subject + verb: "We sell…", "Nadia posts…", "Each rep walks…", "AEs will book…"."""
    subject: list[Tok] = []
    for j, t in enumerate(words[:12]):
        lw = t.lower
        if (
            lw in _MODALS
            and lw != "to"
            and not (lw in _TO_VERBS and not (j + 1 < len(words) and words[j + 1].lower == "to"))
        ):
            return _modal(tokens, words, j, subject)
        following = words[j + 1] if j + 1 < len(words) else None
        if (
            j > 0
            and "N" in t.flags
            and "Z" in t.flags
            and (following is None or following.text in {".", ",", ";", ":", ")", "—", "–"})
        ):
            break  # "Flexible contracts across all business sizes.": "sizes" ends a noun phrase
        if (
            j > 0
            and "N" in t.flags
            and "Z" in t.flags
            and following is not None
            and (
                following.lower in _BE | {"have", "has", "had", "will", "would", "can", "could"}
                or "D" in following.flags
                or "Z" in following.flags
            )
        ):
            subject.append(t)  # "Wholesale prices have fallen": "prices" is the noun
            continue
        if j > 0 and subject and lw in _BE:
            be_to = _be_to(tokens, words, j, subject)
            if be_to is not None:
                return be_to
        if j > 0 and subject and _is_verb_after(t, j, subject):
            frame = (
                "past"
                if ("D" in t.flags and "Z" not in t.flags and "V" not in t.flags)
                or lw in {"was", "were"}
                else "present"
            )
            if lw in {"has", "have", "had"} and j + 1 < len(words) and "D" in words[j + 1].flags:
                frame = "past"
            return Shape(tokens.index(t), frame, " ".join(s.text for s in subject))
        if t.text in {",", ";", ".", ":"}:
            break
        if (
            subject
            and "R" in t.flags
            and "V" not in t.flags
            and "A" not in t.flags
            and lw not in _PREPS
        ):
            continue  # "The libraries now bundle …": an adverb between subject and verb
        subject.append(t)
    return Shape(-1, "noun", "")


def _modal(tokens: Sequence[Tok], words: Sequence[Tok], j: int, subject: list[Tok]) -> Shape:
    """The shape when word `j` is a modal ("will", "need to", "won't"): the verb after it."""
    lw = words[j].lower
    nxt = words[j + 1] if j + 1 < len(words) else None
    if lw in _TO_VERBS and nxt is not None:
        nxt = words[j + 2] if j + 2 < len(words) else None  # "need to sign"
    if lw in {"wo"} and nxt is not None:  # won't
        nxt = words[j + 2] if j + 2 < len(words) else None
    if nxt is not None and "V" in nxt.flags:
        frame = "present" if lw in _WEAK_MODALS else "modal"
        return Shape(tokens.index(nxt), frame, " ".join(s.text for s in subject))
    return Shape(-1, "modal", " ".join(s.text for s in subject))


def _be_to(tokens: Sequence[Tok], words: Sequence[Tok], j: int, subject: list[Tok]) -> Shape | None:
    """Word `j` is a form of "be" after a subject: "is going to <verb>" (a modal) or "is to
    <verb>" (a desired state), else None."""
    lw = words[j].lower
    if (
        j + 3 < len(words)
        and words[j + 1].lower == "going"
        and words[j + 2].lower == "to"
        and "V" in words[j + 3].flags
    ):
        return Shape(tokens.index(words[j + 3]), "modal", " ".join(s.text for s in subject))
    if j + 2 < len(words) and words[j + 1].lower == "to" and "V" in words[j + 2].flags:
        # "Our strategy is to increase…", "The goal is to reach…": a desired state;
        # "Our strategy was to widen…" is history.
        frame = "past" if lw in {"was", "were"} else "infinitive"
        return Shape(tokens.index(words[j + 2]), frame, " ".join(s.text for s in subject))
    return None


# Words ending in "s" that do not make a subject plural.
_NOT_PLURAL_S = _DETERMINERS | {
    "this",
    "its",
    "his",
    "hers",
    "ours",
    "theirs",
    "yours",
    "is",
    "was",
    "has",
    "does",
    "thus",
    "plus",
    "less",
    "unless",
    "across",
    "as",
    "us",
}


def _plural(subject: list[Tok]) -> bool:
    """The subject reads as plural: "we", "AEs", "prices", "Jen and our manager"."""
    last = subject[-1]
    return (
        last.lower in {"we", "they", "i", "you"}
        or (
            not last.flags
            and last.lower.endswith("s")
            and last.text.isalpha()
            and len(last.text) > 2
            and last.lower not in _NOT_PLURAL_S
        )
        or ("N" in last.flags and last.lower.endswith("s"))
        or last.text.isupper()
        or any(x.lower in {"and", "&"} for x in subject[1:])
    )


def _is_verb_after(t: Tok, j: int, subject: list[Tok]) -> bool:
    """Word `t`, the `j`th after the start, is the verb of the (non-empty) `subject` before it."""
    lw = t.lower
    flags = t.flags
    if "Z" in flags or "D" in flags or lw in _BE or lw in {"have", "has", "had"}:
        return True
    if "V" not in flags or not _plural(subject):
        return False
    return "N" not in flags or (
        (j <= 4 or any(x.lower in {"and", "&"} for x in subject[1:]))
        and j <= 8
        and "Z" not in flags
        and lw not in _DETERMINERS
    )


@lru_cache(maxsize=1)
def _known_verbs() -> frozenset[str]:
    """Lemmas our lexicons use as verbs: a word of these first in an item is an imperative."""
    out: set[str] = set()
    for lex in (
        "activity-verbs",
        "choice-verbs",
        "change-up",
        "change-improve",
        "change-multiply",
        "change-reach",
        "change-down",
        "change-hold",
    ):
        out.update(t.split()[0] for t in lexicon.terms(lex) if t)
    return frozenset(out)
