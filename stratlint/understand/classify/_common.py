"""What every stage of the statement classifier shares: the verdict records, the grammar word
lists (`rules/lexicons/grammar.yaml`), and small helpers over the pipeline's signals."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from operator import attrgetter

from stratlint import lexicon
from stratlint.model import Cls
from stratlint.read.lower import lower
from stratlint.understand.nlp import Signals, Tok

_GRAMMAR = lexicon.grammar()
WHO = ("segments", "industries", "personas", "geographies", "markets", "channels")
_DETERMINERS = _GRAMMAR["determiners"]
_BE = _GRAMMAR["be"]
_STOP = _GRAMMAR["stop"]
_PREPS = _GRAMMAR["preps"]
_STATIVE = _GRAMMAR["stative"]
_FACT_VERBS = _GRAMMAR["fact_verbs"]
_NON_ACTIVITY_VERBS = _GRAMMAR["non_activity_verbs"]
_WHO_SUBJECTS = _GRAMMAR["who_subjects"]
_TEAM_HEADS = _GRAMMAR["team_heads"]
_NEGATIVE_CHOICE = _GRAMMAR["negative_choice"]
_PERSON_PRONOUNS = _GRAMMAR["person_pronouns"]
_WHERE_PREPS = _GRAMMAR["where_preps"]
_RESOURCE_HEADS = _GRAMMAR["resource_heads"]
_ENUMERATED = _GRAMMAR["enumerated"]


@dataclass(frozen=True, slots=True)
class Evidence:
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Verdict:
    cls: Cls
    evidence: tuple[Evidence, ...]
    specific: tuple[Evidence, ...] = ()  # operational specificity (S102)
    who: bool = False
    why: bool = False
    vague: bool = False  # a goal with no number or a vague quantity (P206)


def _span_text(sig: Signals, label: str) -> str:
    return ", ".join(dict.fromkeys(sig.words(label)))


_start = attrgetter("start")  # a token's start offset (a C call: bisect asks it often)


def _tok_index_at(tokens: Sequence[Tok], char: int) -> int:
    """The index of the token covering offset `char`, or -1. Tokens are in text order and do not
    overlap: a binary search, not a scan (a 400 KB paragraph's numbers made the scan quadratic)."""
    i = bisect_right(tokens, char, key=_start) - 1
    return i if i >= 0 and tokens[i].start <= char < tokens[i].end else -1


def covered_tokens(tokens: Sequence[Tok], spans: Sequence[tuple[int, int]]) -> set[int]:
    """The indexes of the tokens some span holds whole (as `_in_spans` reads one token), for a
    loop that asks of many tokens: found once, by binary search, not span by span for each."""
    out: set[int] = set()
    for a, b in spans:
        i = bisect_left(tokens, a, key=_start)
        while i < len(tokens) and tokens[i].end <= b:
            out.add(i)
            i += 1
    return out


def in_any(spans: Sequence[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether an offset lies in some span (`a <= x < b`), by binary search over their union."""
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        elif a < b:
            merged.append([a, b])
    starts = [m[0] for m in merged]

    def test(x: int) -> bool:
        i = bisect_right(starts, x) - 1
        return i >= 0 and x < merged[i][1]

    return test


def _in_spans(tok: Tok, spans: Sequence[tuple[int, int]]) -> bool:
    if not spans:  # most asks: a label the statement holds no span of (issue 15)
        return False
    return any(a <= tok.start and tok.end <= b for a, b in spans)


def _only_generic_who(sig: Signals) -> bool:
    """'customers', 'accounts', 'clients' alone do not choose anyone."""
    generic = _GRAMMAR["generic_who"]
    words = {w.lower() for w in sig.words_of(WHO)}
    return bool(words) and words <= generic


_CONTENT_WORD = re.compile(r"[a-z][a-z0-9&+-]*")


def content_words(text: str) -> set[str]:
    """Key terms of a text (lemmas of content words), for traceability between pillars and items.

    Word by word (`finditer`): a pillar section's text can be a whole long document, whose list of
    words would be a hundred megabytes at once."""
    wf = lexicon.wordforms()
    out = set()
    for m in _CONTENT_WORD.finditer(lower(text)):
        w = m.group()
        if w in _STOP or len(w) < 3:
            continue
        lemma = wf.noun_lemma.get(w) or wf.verb_lemma.get(w) or w
        out.add(lemma)
    return out
