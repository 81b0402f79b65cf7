"""Split plain prose into sentences without a model.

A sentence ends at `.`, `!` or `?` (with closing quotes or brackets) followed by white space and
something that can start a sentence, unless the word before the stop is a known abbreviation,
an initial, or a number such as "$4.5M" or "v2.0".
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    """e.g i.e etc vs cf approx est inc ltd co corp dept dr mr mrs ms st no nos jr sr fig al
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun u.s u.k
    a.m p.m q.v viz avg min max ext""".split()  # noqa: SIM905 (a word list reads better)
)
# A stop starts at the first of a run of `.`, `!` and `?` (the look-behind keeps the match from
# being retried at every dot of "......", which took time quadratic in the run's length).
_END = re.compile(r"(?<![.!?])[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9#@$€£*])")


def split(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in `text`."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n and text[start].isspace():
        start += 1
    for m in _END.finditer(text):
        stop = m.start()
        word_start = stop
        while word_start > start and not text[word_start - 1].isspace():
            word_start -= 1
        word = text[word_start:stop].lower().strip("([\"'")
        if m.group(0).startswith(".") and (
            word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
        ):
            continue
        end = m.end()
        if end - start > 1:
            spans.append((start, end))
        start = end
        while start < n and text[start].isspace():
            start += 1
    if start < n and text[start:].strip():
        spans.append((start, n))
    return spans
