"""The partners of every `[`, link `(` and backtick run of one inline text, found in one pass
before `markup`'s walk, so no `[` or `(` ever scans ahead for its partner."""

from __future__ import annotations

import re
from bisect import bisect_right

AUTOLINK = re.compile(r"<((?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*)|(?:[^<>\s@]+@[^<>\s@]+))>")
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
BARE_URL = re.compile(r"https?://[^\s<>()\[\]]+")
_TICKS = re.compile(r"`+")
# Characters that can change `Pairs._pair`'s state: every other character is passed over in one
# step.
_PAIR_STOP = re.compile(r"[\\`<>\[\]()\"'\n]|https?://")


class Pairs:
    """Partners of every `[`, link `(` and backtick run of one inline text, found in one pass.

    A code span closes at the next backtick run of the same length; a backslash escapes the
    character after it; a link's parentheses may hold a `<destination>` and a quoted title, and
    never span a blank line.
    """

    def __init__(self, s: str) -> None:
        self.s = s
        self.runs: dict[int, list[int]] = {}  # run length → start offsets of maximal runs
        for m in _TICKS.finditer(s):
            self.runs.setdefault(m.end() - m.start(), []).append(m.start())
        self.bracket: dict[int, int] = {}
        self.paren: dict[int, int] = {}
        # The pairing pass's state: open `[` and `(`, how many of those open a link destination,
        # the quote of a link title being read, inside a `<destination>`, the last `]` closed.
        self._brackets: list[int] = []
        self._parens: list[tuple[int, bool]] = []  # (offset, opens a link destination)
        self._links_open = 0
        self._quote = ""
        self._angle = False
        self._closed = -1
        self._pair()

    def code_close(self, i: int, k: int, end: int) -> int:
        """Start of the run closing the `k`-backtick run at i, or -1 (never at or past end)."""
        starts = self.runs.get(k)
        if not starts:
            return -1
        j = bisect_right(starts, i)
        if j < len(starts) and starts[j] < end and starts[j] + k <= end:
            return starts[j]
        return -1

    def _pair(self) -> None:
        s = self.s
        n = len(s)
        seek = _PAIR_STOP.search
        j = 0
        while j < n:
            m = seek(s, j)
            if m is None:
                break
            j = m.start()
            c = s[j]
            if c == "\\":
                j += 2
                continue
            if self._angle and c in "\n<":
                self._angle = False  # a <destination> holds no line break and no `<`
            elif self._quote or self._angle:
                self._inside_destination(j, c)
                j += 1
                continue
            j = self._step(j, c)

    def _inside_destination(self, j: int, c: str) -> None:
        """Inside a link title's quotes or a `<destination>`: only its end, or a blank line,
        matters."""
        s = self.s
        if c == "\n" and j + 1 < len(s) and s[j + 1] == "\n":
            self._quote, self._angle = "", False
            self._parens.clear()
            self._links_open = 0
        elif (self._quote and c == self._quote) or (self._angle and c == ">"):
            self._quote, self._angle = "", False

    def _step(self, j: int, c: str) -> int:
        """Read the character at j (a code span, something `_walk` skips, a bracket, a
        parenthesis, a title's quote, a blank line); where to look next."""
        s = self.s
        n = len(s)
        if c == "`":
            k = j
            while k < n and s[k] == "`":
                k += 1
            close = self.code_close(j, k - j, n)
            return close + (k - j) if close >= 0 else k
        skip = _skip(s, j, n)
        if skip > j:
            return skip
        parens = self._parens
        if c == "[":
            self._brackets.append(j)
        elif c == "]":
            if self._brackets:
                self.bracket[self._brackets.pop()] = j
                self._closed = j
        elif c == "(":
            is_link = j > 0 and self._closed == j - 1
            parens.append((j, is_link))
            self._links_open += is_link
            if is_link and j + 1 < n and s[j + 1] == "<":
                self._angle = True
                return j + 2
        elif c == ")":
            if parens:
                start, is_link = parens.pop()
                self._links_open -= is_link
                self.paren[start] = j
        elif c in "\"'" and self._links_open and j > parens[-1][0] + 1 and s[j - 1].isspace():
            self._quote = c
        elif c == "\n" and j + 1 < n and s[j + 1] == "\n":
            parens.clear()
            self._links_open = 0
        return j + 1


def _skip(s: str, i: int, end: int) -> int:
    """End of the comment, autolink, HTML tag or bare URL at i (where the walk skips), or i."""
    c = s[i]
    if c == "<":
        if s.startswith("<!--", i):
            close = s.find("-->", i + 4, end)
            return close + 3 if close >= 0 else end
        m = AUTOLINK.match(s, i, end) or HTML_TAG.match(s, i, end)
        return m.end() if m else i
    if c == "h" and (s.startswith("http://", i) or s.startswith("https://", i)):
        m = BARE_URL.match(s, i, end)
        if m:
            return i + len(m.group(0).rstrip(".,;:!?"))
    return i
