"""What the models read of one statement's text, read once: `facts(sig, form)`.

A statement is read by three models' inputs: its own (the class and tag models), its section's
content and voice (the genre model), and its page's voice. Each used to derive the same things
again from the statement's signals (its words, the labels it holds, its frame, a placeholder, a
question mark, "you" and "we"), each from a cache of its own. Here they are derived once per
statement text and form, and every feature builder reads the same record (issue 15).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from stratlint.understand.nlp import Signals, Tok
from stratlint.understand.shape import shape_of

_WORD = re.compile(r"[a-z][a-z'’-]*")
_PLACEHOLDER = re.compile(r"\[[^\]]{1,40}\]|<[^>]{1,40}>|\bTBD\b|\bTBC\b|\?\?\?|_{3,}|\.\.\.")
# One of these is in every match of `_PLACEHOLDER` (keep them together).
_PLACEHOLDER_NEEDS = ("[", "<", "TB", "???", "___", "...")
_YOU = frozenset({"you", "your", "yours", "you're", "you'll"})
_WE = frozenset({"we", "our", "us", "we'll", "we're"})

KEPT_MAX = 8192  # statements whose facts are kept (a few batches of documents; bounded memory)
WORDS_MAX = 50_000


class Facts(NamedTuple):
    words: list[str]  # the lemmas that are words (not to be changed: shared)
    labels: tuple[str, ...]  # the labels of the spans it holds, in the signals' order
    frame: str  # `shape.shape_of`
    subject: str
    verb: int
    placeholder: bool  # `[name]`, `<date>`, TBD, ___ …
    question: bool  # ends with "?"
    you: bool  # says "you", "your" …
    we: bool  # says "we", "our" …


_FACTS: dict[tuple[int, str], tuple[Signals, Facts]] = {}


def facts(sig: Signals, form: str) -> Facts:
    """The facts of a statement of `form` with these signals. Kept by the identity of the
    signals (checked on a hit): a text's Signals are one object wherever the text comes back
    (`nlp.analyse`). The text read is the signals' own, which is the statement's."""
    key = (id(sig), form)
    hit = _FACTS.get(key)
    if hit is not None and hit[0] is sig:
        return hit[1]
    tokens = sig.tokens
    shape = shape_of(tokens, form == "sentence")
    lowers = {t.lower for t in tokens}
    out = Facts(
        _read_lemmas(tokens),
        tuple(label for label, spans in sig.spans.items() if spans),
        shape.frame,
        shape.subject,
        shape.verb,
        has_placeholder(sig.text),
        sig.text.rstrip().endswith("?"),
        not _YOU.isdisjoint(lowers),
        not _WE.isdisjoint(lowers),
    )
    if len(_FACTS) >= KEPT_MAX:
        _FACTS.clear()
    _FACTS[key] = (sig, out)
    return out


def has_placeholder(text: str) -> bool:
    """`_PLACEHOLDER.search(text)`, not run on the many texts that hold none of the strings a
    match must contain (issue 15)."""
    if not any(s in text for s in _PLACEHOLDER_NEEDS):
        return False
    return _PLACEHOLDER.search(text) is not None


# A token's lemma (or, with none, its lower case) → the word it gives, "" for none: the same few
# thousand words come back in every statement, and a lookup is cheaper than lower() and a match.
_BY_LEMMA: dict[str, str] = {}
_BY_LOWER: dict[str, str] = {}


def _lemma_word(low: str) -> str:
    return low if len(low) > 1 and _WORD.fullmatch(low) else ""


def _read_lemmas(tokens: tuple[Tok, ...]) -> list[str]:
    out = []
    by_lemma, by_lower = _BY_LEMMA, _BY_LOWER
    for t in tokens:
        if t.lemma:
            w = by_lemma.get(t.lemma)
            if w is None:
                if len(by_lemma) >= WORDS_MAX:
                    by_lemma.clear()
                w = by_lemma[t.lemma] = _lemma_word(t.lemma.lower())
        else:
            w = by_lower.get(t.lower)
            if w is None:
                if len(by_lower) >= WORDS_MAX:
                    by_lower.clear()
                w = by_lower[t.lower] = _lemma_word(t.lower)
        if w:
            out.append(w)
    return out
