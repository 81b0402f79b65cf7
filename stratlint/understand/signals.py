"""What the NLP pipeline found in one statement: tokens with their word classes, labelled spans.

Plain data, importable without spaCy (the rules and classifiers read only these).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple


class Tok(NamedTuple):
    """One token. A named tuple rather than a dataclass: a long document has millions of them,
    and a tuple is made, hashed (the sentence-frame cache hashes whole token tuples) and held in
    a fraction of the time and memory."""

    text: str
    lower: str
    start: int  # char offset in the statement text
    end: int
    flags: str
    lemma: str


@dataclass(frozen=True, slots=True)
class Signals:
    """What the pipeline found in one statement: labelled char spans and the tokens."""

    text: str
    spans: Mapping[str, tuple[tuple[int, int], ...]]
    tokens: tuple[Tok, ...]

    def has(self, *labels: str) -> bool:
        spans = self.spans
        for label in labels:  # noqa: SIM110 - not any() over a generator: asked 600 times a document
            if spans.get(label):
                return True
        return False

    def get(self, label: str) -> tuple[tuple[int, int], ...]:
        return self.spans.get(label, ())

    def words(self, label: str) -> list[str]:
        spans = self.spans.get(label)
        if not spans:  # most asks: a label the statement holds no span of
            return []
        text = self.text
        return [text[a:b] for a, b in spans]

    def words_of(self, labels: tuple[str, ...]) -> list[str]:
        """`words(label)` for each of `labels` in turn, in one list; the labels the statement
        holds no span of are passed over without a call each (WHO is six labels, asked of every
        statement)."""
        spans, text = self.spans, self.text
        return [text[a:b] for label in labels if label in spans for a, b in spans[label]]

    def count(self, *labels: str) -> int:
        return sum(len(self.spans.get(label, ())) for label in labels)
