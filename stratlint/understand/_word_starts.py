"""The regular patterns that open with a word, run only where such a word begins: one pass over a
batch's words finds, for every such pattern at once, the places a match can start.

Most patterns of `rules/patterns.yaml` open with `\\b` and a word or a number ("in", "by",
"within", a digit…: `_regex_reading._first_words`). A match of one can only start where a run of
word characters starts whose lower case begins with one of its opening words. `WordStarts.scan`
reads the runs of a batch's joined texts once (each distinct word looked up once per process)
and gives each pattern its candidate places; `run_at` then tries the pattern at those places
alone, as `finditer` would meet them: in order, each after the end of the match before it in
the same text. The same matches as `finditer` over each text, without scanning every position
of every text once per pattern (issue 15: the regular patterns were the largest share of a
document's work, and scanning was most of it).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from stratlint.understand._regex_reading import DIGIT, WORD_END

_WORD = re.compile(r"\w+")
_KNOWN_MAX = 50_000  # distinct words kept with the patterns they may open (then started afresh)


class WordStarts:
    def __init__(self, firsts: Sequence[tuple[str, ...] | None]) -> None:
        """`firsts[k]`: pattern k's opening words (`_first_words`), None for a pattern that
        does not open with a word."""
        by_start: dict[str, list[int]] = {}
        for k, starts in enumerate(firsts):
            for s in starts or ():
                by_start.setdefault(s, []).append(k)
        self.by_start = {s: tuple(ks) for s, ks in by_start.items()}
        self.longest = max(map(len, self.by_start), default=0)
        self.count = len(firsts)
        self.known: dict[str, tuple[int, ...]] = {}

    def _opened(self, word: str) -> tuple[int, ...]:
        """The patterns a word (lower case) may open, in pattern order."""
        found: set[int] = set()
        if word[0].isdigit():
            found.update(self.by_start.get(DIGIT, ()))
        for n in range(1, min(len(word), self.longest) + 1):
            found.update(self.by_start.get(word[:n], ()))
        found.update(self.by_start.get(word + WORD_END, ()))
        return tuple(sorted(found))

    def scan(self, joined: str, lowered: str, bases: Sequence[int]) -> list[list[int]]:
        """For each pattern, the places (ascending) where a run of word characters starts that
        it may open, each as `text << 32 | offset` (text i of the texts joined into `joined`
        starts at `bases[i]`). `lowered` is `joined.lower()`, character for character (same
        length), with none of the characters that case-fold to an ASCII letter."""
        places: list[list[int]] = [[] for _ in range(self.count)]
        known = self.known
        i = -1
        base = 0
        following = 0  # where the next text starts
        last = len(bases) - 1
        for m in _WORD.finditer(joined):
            a, b = m.span()
            word = lowered[a:b]
            opened = known.get(word)
            if opened is None:
                if len(known) >= _KNOWN_MAX:
                    known.clear()
                opened = known[word] = self._opened(word)
            if opened:
                if a >= following:
                    i = bisect_right(bases, a) - 1
                    base = bases[i]
                    following = bases[i + 1] if i < last else len(joined) + 1
                place = i << 32 | (a - base)
                for k in opened:
                    places[k].append(place)
        return places


def run_at(
    rx: re.Pattern[str], places: list[int], texts: Sequence[str]
) -> list[tuple[int, int, int]]:
    """(text, start, end) of every non-empty match of `rx` in `texts`, as `finditer` over each
    text finds them, trying only `places` (`WordStarts.scan`: every match starts at one)."""
    out: list[tuple[int, int, int]] = []
    match = rx.match
    here = -1  # the text of the last place tried
    text = ""
    end = 0  # the end of the last match in this text: finditer looks on from there
    for place in places:
        i = place >> 32
        if i != here:
            here = i
            text = texts[i]
            end = 0
        q = place & _OFFSET
        if q < end:
            continue
        m = match(text, q)
        if m is not None:
            x, y = m.span()
            if y > x:
                out.append((i, x, y))
                end = y
    return out


_OFFSET = (1 << 32) - 1  # the offset in a text of a place (texts are at most 10 MB)
