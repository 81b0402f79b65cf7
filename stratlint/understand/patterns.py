"""The regular patterns of `rules/patterns.yaml`, run over many statement texts at once.

`match_patterns` gives exactly the matches of running every pattern on every text, aligned
outward to token edges as `Doc.char_span(..., alignment_mode="expand")` does, but most patterns
run only on the texts that hold a word they cannot match without, and the rest once over all
texts joined. No spaCy here: tokens come in as `signals.Tok`.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from functools import lru_cache
from itertools import islice
from typing import Any

from stratlint import lexicon
from stratlint.read.lower import holders, lower
from stratlint.understand._regex_reading import _first_words, _joinable, _required_words
from stratlint.understand._word_starts import WordStarts, run_at
from stratlint.understand.signals import Tok

_FLAGS = re.IGNORECASE


@lru_cache(maxsize=1)
def _sources() -> list[tuple[str, str]]:
    """(label, expression) of every pattern, in the order of patterns.yaml."""
    data = lexicon.load_yaml(lexicon.data_dir() / "patterns.yaml")
    return [(label, expr) for label, exprs in data.items() for expr in exprs]


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(label, re.compile(expr, _FLAGS)) for label, expr in _sources()]


class _Lazy:
    """A pattern compiled when it first runs: most patterns need a word that most files do
    not hold, and compiling all 79 took a tenth of what stratlint adds to spaCy's start-up
    (issue 15)."""

    __slots__ = ("pattern", "_rx")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._rx: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._rx is None:
            self._rx = re.compile(self.pattern, _FLAGS)
        return self._rx


_SEP = "\x00"  # never in a statement (the parser turns NUL into U+FFFD); checked anyway


def _match_patterns(
    texts: list[str],
    toks_of: list[tuple[Tok, ...]],
    spans_of: list[dict[str, list[tuple[int, int]]]],
) -> None:
    """Add every regular pattern's matches, aligned outward to token edges, to `spans_of`."""
    found = _pattern_matches(texts)
    for i in range(len(texts)):
        found.align(i, texts[i], toks_of[i], spans_of[i])


class _Matches:
    """The regular patterns' matches in a batch of texts, by text, before they are aligned to
    tokens: four arrays, not a list of spans per text (issue 15)."""

    def __init__(self) -> None:
        self.text = array("q")
        self.start = array("q")
        self.end = array("q")
        self.label: list[str] = []
        self.order: list[int] = []  # match numbers by text, in the order they were found
        self.next = 0  # the first match in `order` not yet aligned

    def add(self, i: int, label: str, a: int, b: int) -> None:
        self.text.append(i)
        self.label.append(label)
        self.start.append(a)
        self.end.append(b)

    def done(self) -> _Matches:
        self.order = sorted(range(len(self.text)), key=self.text.__getitem__)
        return self

    def align(
        self,
        i: int,
        text: str,
        toks: tuple[Tok, ...],
        spans: dict[str, list[tuple[int, int]]],
    ) -> None:
        """Add the matches of text `i` to its spans (texts in order: 0, 1, 2…)."""
        order, k = self.order, self.next
        if k >= len(order) or self.text[order[k]] != i:
            return
        starts = [t.start for t in toks]
        while k < len(order) and self.text[order[k]] == i:
            m = order[k]
            _add_expanded(self.label[m], self.start[m], self.end[m], text, toks, starts, spans)
            k += 1
        self.next = k


def _pattern_matches(texts: list[str]) -> _Matches:
    """Every regular pattern's matches in `texts`, as running each pattern on each text finds
    them (spans to align to token edges, `_Matches.align`).

    A pattern that opens with a word ("in", "by", a digit…) runs only where such a word starts
    (`_word_starts`: one pass over the words finds those places for all of them). Most of the
    others cannot match without one of a few words ("q1", "daily", "may"…): those words are
    found with `str.find` (memchr speed) and the pattern runs only on the texts that hold one;
    the rest run once over all texts joined. All give exactly the matches of running every
    pattern on every text (the test suite holds this): regular expressions scanning every
    position of every statement were the largest share of a document's work. They run before
    the texts are tokenized, so nothing of a text's is held for them but its matches; a long
    document's texts are matched a slice at a time (`_SLICE` characters), so the places and
    the joined copies of its texts are never all held at once.
    """
    found = _Matches()
    start = 0
    while start < len(texts):
        end, size = start + 1, len(texts[start])
        while end < len(texts) and size + len(texts[end]) < _SLICE:
            size += len(texts[end]) + 1
            end += 1
        _match_slice(texts[start:end], start, found)
        start = end
    return found.done()


_SLICE = 1 << 18  # characters of texts matched at once, about (a batch of 64 documents is less)


def _match_slice(texts: list[str], first: int, found: _Matches) -> None:
    """Add the matches of `texts` (texts `first`, `first + 1`… of the batch) to `found`: each
    pattern in turn, so a text's matches come in the order of the patterns."""
    joined_ok = not any(_SEP in t for t in texts)
    joined = _SEP.join(texts) if joined_ok else ""
    bases: list[int] = []
    pos = 0
    for t in texts:
        bases.append(pos)
        pos += len(t) + 1
    finder = _Finder(texts, joined if joined_ok else None)
    few = (len(texts) + 2) // 3  # a pattern runs on its holders alone when fewer hold its words
    patterns = _patterns_for_join()
    places = None
    if joined_ok and not finder.always and len(finder.joined) == len(joined):
        # Lower case changed no character's place: the words' places hold in both.
        places = _word_starts().scan(joined, finder.joined, bases)
    for k, (label, lazy, joinable, words) in enumerate(patterns):
        if places is not None and _FIRSTS[k]:
            if places[k]:  # else no word it opens with: not even compiled
                for i, a, b in run_at(lazy.compiled(), places[k], texts):
                    found.add(first + i, label, a, b)
            continue
        holders = finder.holding(words, few) if words else None
        if holders is not None and len(holders) * 3 < len(texts):
            if not holders:
                continue  # no text to run it on: not even compiled
            rx = lazy.compiled()
            for i in holders:
                for m in rx.finditer(texts[i]):
                    a, b = m.span()
                    if b > a:
                        found.add(first + i, label, a, b)
        elif joinable and joined_ok:
            rx = lazy.compiled()
            for m in rx.finditer(joined):
                a, b = m.span()
                if b <= a:
                    continue
                i = bisect_right(bases, a) - 1
                found.add(first + i, label, a - bases[i], b - bases[i])
        else:
            rx = lazy.compiled()
            for i, text in enumerate(texts):
                for m in rx.finditer(text):
                    a, b = m.span()
                    if b > a:
                        found.add(first + i, label, a, b)


# Characters outside ASCII that a case-insensitive pattern matches to an ASCII letter (İ ı ſ and
# the Kelvin sign, found by trying every code point); a text holding one is always searched.
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


class _Finder:
    """Which texts hold one of some words, case-insensitively, found with `str.find`."""

    def __init__(self, texts: list[str], joined: str | None = None) -> None:
        """`joined`: the texts joined by NUL, when none holds one."""
        self.always = [
            i for i, t in enumerate(texts) if not t.isascii() and _FOLDS_TO_ASCII.intersection(t)
        ]
        self.starts: list[int] = []
        self.memo: dict[str, list[int] | None] = {}  # word -> the texts that hold it
        if joined is None:
            lowered = [t.lower() for t in texts]
            self.joined = _SEP.join(lowered)
            pos = 0
            for t in lowered:
                self.starts.append(pos)
                pos += len(t) + 1
            return
        # Lower-cased joined, in pieces that end at a joint (`read.lower`): the same string as
        # the texts lower-cased one by one and joined, without a copy of each (issue 15).
        self.joined = joined = lower(joined, _SEP)
        pos = 0
        while pos >= 0:
            self.starts.append(pos)
            pos = joined.find(_SEP, pos)
            if pos >= 0:
                pos += 1

    def holding(self, words: tuple[str, ...], limit: int) -> list[int] | None:
        """The texts that hold one of `words`, in order; None when `limit` or more texts hold one
        word (the pattern then runs over all texts, so they need not all be found)."""
        found = set(self.always)
        for w in words:
            texts = self._holders(w, limit)
            if texts is None:
                return None
            found.update(texts)
        return sorted(found)

    def _holders(self, word: str, limit: int) -> list[int] | None:
        """The texts that hold `word` (None: `limit` or more do), found once per batch: a word
        that several patterns require ("month", "week", "quarter", "day"…: 295 words in 401
        places) is looked for once, and a word most texts hold ("h", "q", "in") is not looked
        for past the first `limit` (issue 15)."""
        if word in self.memo:
            return self.memo[word]
        out: list[int] | None = list(islice(holders(self.joined, self.starts, word), limit))
        if out is not None and len(out) >= limit:
            out = None
        self.memo[word] = out
        return out


def _add_expanded(
    label: str,
    a: int,
    b: int,
    text: str,
    toks: tuple[Tok, ...],
    starts: list[int],
    spans: dict[str, list[tuple[int, int]]],
) -> None:
    """`Doc.char_span(a, b, alignment_mode="expand")`: every token the match touches; a match
    that starts in a token's trailing space starts at the next token."""
    first = bisect_right(starts, a) - 1
    last = bisect_right(starts, b - 1) - 1
    if a == toks[first].end:
        first += 1
    start_char = toks[first].start if first < len(toks) else len(text)
    end_char = toks[last].end if last >= first else start_char
    spans.setdefault(label, []).append((start_char, end_char))


_FIRSTS: list[
    tuple[str, ...] | None
] = []  # each pattern's opening words, as `_word_starts` has them


@lru_cache(maxsize=1)
def _word_starts() -> WordStarts:
    _patterns_for_join()
    return WordStarts(_FIRSTS)


@lru_cache(maxsize=1)
def _patterns_for_join() -> list[tuple[str, _Lazy, bool, tuple[str, ...]]]:
    """Each pattern (compiled when first run) with whether it can run over joined texts and the
    words it requires. Reading that from the parsed patterns took a tenth of a second of every
    start-up; it is kept with the other derived rule data (`lexicon.keep_derived`), under a hash
    of the patterns."""
    sources = _sources()
    key = "\0".join(f"{label}\0{_FLAGS:d}\0{expr}" for label, expr in sources).encode()
    key = b"pattern-reading\6" + key  # \6: opening words, spelled, whole words (issue 15)
    kept = lexicon.load_derived("patterns", key)
    if not _is_reading(kept, len(sources)):
        kept = [(_joinable(rx), _required_words(rx), _first_words(rx)) for _, rx in _patterns()]
        lexicon.keep_derived("patterns", key, kept)
    _FIRSTS[:] = [first for _, _, first in kept]
    return [
        (label, _Lazy(expr), j, tuple(req))
        for (label, expr), (j, req, _) in zip(sources, kept, strict=True)
    ]


def _is_reading(kept: Any, n: int) -> bool:
    """Whether derived data read back is a list of n (bool, tuple of str, tuple of str or None)
    triples."""
    return (
        type(kept) is list
        and len(kept) == n
        and all(
            type(x) is tuple
            and len(x) == 3
            and type(x[0]) is bool
            and _is_words(x[1])
            and (x[2] is None or (_is_words(x[2]) and len(x[2]) > 0))
            for x in kept
        )
    )


def _is_words(x: Any) -> bool:
    return type(x) is tuple and all(type(w) is str and w for w in x)
