"""The English word-form table in the form a run reads fastest: `WordTable`.

`rules/lexicons/wordforms.tsv.gz` has a line per word: the word, its word classes, its verb lemma
and its noun lemma. Made into five dicts (63,000 words, their lemmas and their inverses) it took
about 30 ms of every start-up, a tenth of what stratlint adds to spaCy's, to look up the few
hundred words one file holds (issue 15). Kept instead as one string of the lines sorted by word
and an array of where each line starts, it loads in about a millisecond; a word is found by
bisection and kept once found. The inverse maps (a lemma's forms), which only building the lexicon
matcher asks for, are made on first use.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping

_ROWS_MAX = 100_000  # words kept once looked up (then started afresh: bounded memory)


class WordTable:
    """word → (flags, verb lemma, noun lemma), from "word\\tflags\\tverb\\tnoun" lines sorted by
    word, joined by newlines (`text`), and the offset in `text` of each line (`starts`)."""

    __slots__ = ("_text", "_starts", "_rows")

    def __init__(self, text: str, starts: array[int]) -> None:
        self._text = text
        self._starts = starts
        self._rows: dict[str, tuple[str, str, str] | None] = {}

    @classmethod
    def of_lines(cls, lines: Mapping[str, tuple[str, str, str]]) -> WordTable:
        """The table of word → (flags, verb lemma, noun lemma)."""
        parts = []
        starts = array("I")
        pos = 0
        for word in sorted(lines):
            line = "\t".join((word, *lines[word]))
            starts.append(pos)
            parts.append(line)
            pos += len(line) + 1
        return cls("\n".join(parts), starts)

    def dump(self) -> tuple[str, bytes]:
        """What `load` reads back (marshal-able)."""
        return self._text, self._starts.tobytes()

    @classmethod
    def load(cls, dumped: object) -> WordTable | None:
        """The table `dump` gave, or None if `dumped` is not of that form."""
        if not (type(dumped) is tuple and len(dumped) == 2):
            return None
        text, raw = dumped
        if type(text) is not str or type(raw) is not bytes or len(raw) % 4:
            return None
        starts = array("I")
        if starts.itemsize != 4:  # pragma: no cover - every platform stratlint runs on
            return None
        starts.frombytes(raw)
        if starts and (starts[0] != 0 or starts[-1] >= max(len(text), 1)):
            return None
        return cls(text, starts)

    def row(self, word: str) -> tuple[str, str, str] | None:
        """(flags, verb lemma, noun lemma) of `word`, or None if the table has no such word."""
        rows = self._rows
        if word in rows:
            return rows[word]
        text, starts = self._text, self._starts
        lo, hi = 0, len(starts)
        found = None
        while lo < hi:
            mid = (lo + hi) // 2
            s = starts[mid]
            tab = text.find("\t", s)
            key = text[s:tab]
            if key < word:
                lo = mid + 1
            elif key > word:
                hi = mid
            else:
                end = text.find("\n", tab)
                fl, verb, noun = text[tab + 1 : end if end >= 0 else len(text)].split("\t")
                found = (fl, verb, noun)
                break
        if len(rows) >= _ROWS_MAX:
            rows.clear()
        rows[word] = found
        return found

    def lines(self) -> Iterator[tuple[str, str, str, str]]:
        """Every (word, flags, verb lemma, noun lemma), in word order."""
        for line in self._text.split("\n"):
            if line:
                word, fl, verb, noun = line.split("\t")
                yield word, fl, verb, noun

    def __len__(self) -> int:
        return len(self._starts)


class Column(Mapping[str, str]):
    """One column of a `WordTable` as a mapping: 0 flags (every word), 1 verb lemma, 2 noun
    lemma (only the words that have one), as the dicts it replaces held them."""

    __slots__ = ("_table", "_k")

    def __init__(self, table: WordTable, k: int) -> None:
        self._table = table
        self._k = k

    def get(self, word: str, default: str | None = None) -> str | None:  # type: ignore[override]
        row = self._table.row(word)
        if row is None:
            return default
        value = row[self._k]
        return value if value or not self._k else default

    def __getitem__(self, word: str) -> str:
        value = self.get(word)
        if value is None:
            raise KeyError(word)
        return value

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __iter__(self) -> Iterator[str]:
        k = self._k
        return (line[0] for line in self._table.lines() if not k or line[k + 1])

    def __len__(self) -> int:
        return sum(1 for _ in self)
