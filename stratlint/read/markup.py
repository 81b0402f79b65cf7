"""Inline Markdown → plain text, keeping the source offset of every character.

The parser hands over the raw inline source of a paragraph, list item, cell or heading (with the
offset of each of its characters). This module drops emphasis markers, code spans, HTML and link
URLs, keeps link text, and records the links it saw, so that every character of the plain text
still knows where it stands in the file.

Time is linear in the length of the text: brackets, parentheses and code spans are paired in one
pass before the walk (`_Pairs`), so no `[` or `(` ever scans ahead for its partner.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

_ESCAPABLE = set("\\`*_{}[]()#+-.!|<>~\"'$%&,/:;=?@^")
_AUTOLINK = re.compile(r"<((?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*)|(?:[^<>\s@]+@[^<>\s@]+))>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]]+")
_TICKS = re.compile(r"`+")
# Characters that can change `_Pairs._pair`'s state, and where `_walk` does more than copy: every
# other character is passed over (or copied) in one step.
_PAIR_STOP = re.compile(r"[\\`<>\[\]()\"'\n]|https?://")
_WALK_STOP = re.compile(r"[\\`<!\[*~_]|https?://")
_FORMAT_CHARS = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e")
MAX_LINK_NESTING = 8  # links inside link text deeper than this are read as plain text
MAX_WORD = 100  # a longer run of characters without a space is broken with a space


@dataclass(frozen=True)
class RawLink:
    text: str
    target: str
    offset: int  # source offset of the link's first character


@dataclass(frozen=True)
class Plain:
    text: str
    offsets: tuple[int, ...]
    links: tuple[RawLink, ...]
    comments: tuple[tuple[int, str], ...]  # (offset, body) of inline HTML comments


class _Pairs:
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
        brackets: list[int] = []
        parens: list[tuple[int, bool]] = []  # (offset, opens a link destination)
        links_open = 0
        quote = ""
        angle = False
        closed = -1  # offset of the last `]` that closed a `[`
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
            if angle and c in "\n<":
                angle = False  # a <destination> holds no line break and no `<`
            elif quote or angle:
                if c == "\n" and j + 1 < n and s[j + 1] == "\n":
                    quote, angle = "", False
                    parens.clear()
                    links_open = 0
                elif (quote and c == quote) or (angle and c == ">"):
                    quote, angle = "", False
                j += 1
                continue
            if c == "`":
                k = j
                while k < n and s[k] == "`":
                    k += 1
                close = self.code_close(j, k - j, n)
                j = close + (k - j) if close >= 0 else k
                continue
            skip = _skip(s, j, n)
            if skip > j:
                j = skip
                continue
            if c == "[":
                brackets.append(j)
            elif c == "]":
                if brackets:
                    self.bracket[brackets.pop()] = j
                    closed = j
            elif c == "(":
                is_link = j > 0 and closed == j - 1
                parens.append((j, is_link))
                links_open += is_link
                if is_link and j + 1 < n and s[j + 1] == "<":
                    angle = True
                    j += 2
                    continue
            elif c == ")":
                if parens:
                    start, is_link = parens.pop()
                    links_open -= is_link
                    self.paren[start] = j
            elif c in "\"'" and links_open and j > parens[-1][0] + 1 and s[j - 1].isspace():
                quote = c
            elif c == "\n" and j + 1 < n and s[j + 1] == "\n":
                parens.clear()
                links_open = 0
            j += 1


def _skip(s: str, i: int, end: int) -> int:
    """End of the comment, autolink, HTML tag or bare URL at i (where `_walk` skips), or i."""
    c = s[i]
    if c == "<":
        if s.startswith("<!--", i):
            close = s.find("-->", i + 4, end)
            return close + 3 if close >= 0 else end
        m = _AUTOLINK.match(s, i, end) or _HTML_TAG.match(s, i, end)
        return m.end() if m else i
    if c == "h" and (s.startswith("http://", i) or s.startswith("https://", i)):
        m = _BARE_URL.match(s, i, end)
        if m:
            return i + len(m.group(0).rstrip(".,;:!?"))
    return i


def _destination(inner: str) -> str:
    inner = inner.strip()
    if inner.startswith("<"):
        end = inner.find(">")
        return inner[1:end] if end > 0 else inner[1:]
    return inner.split()[0] if inner.split() else ""


def to_plain(raw: str, offsets: list[int], references: dict[str, str] | None = None) -> Plain:
    """Strip inline markup from `raw`, where `offsets[i]` is the source offset of `raw[i]`."""
    out: list[str] = []
    outo: list[int] = []
    links: list[RawLink] = []
    comments: list[tuple[int, str]] = []
    refs = references or {}
    _walk(raw, offsets, 0, len(raw), out, outo, links, comments, refs, _Pairs(raw), depth=0)
    text, toff = _collapse("".join(out), outo)
    return Plain(text, tuple(toff), tuple(links), tuple(comments))


_WORD = re.compile(r"\S+")  # \S is exactly `not str.isspace()` for str patterns
# Something to collapse: white space other than single spaces between words, or a long word.
_UNTIDY = re.compile(r"\s\s|[^\S ]|\A\s|\s\Z|\S{" + str(MAX_WORD + 1) + "}")


def _collapse(walked: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Collapse white space (newlines included) to single spaces, trimming both ends; break runs
    of more than MAX_WORD characters without a space (no word is that long, and spaCy's
    tokenizer takes time quadratic in the length of a run of punctuation or emoji).
    Invisible format characters (zero-width spaces and joiners, bidi overrides, soft hyphens:
    Unicode category Cf) are dropped, so "Strat\u200begy" reads as the word "Strategy".

    Word by word with a regular expression; text holding a format character or an over-long
    word goes character by character (`_collapse_chars`), with the same result."""
    if not walked.isascii() and any(_is_format(ch) for ch in set(walked)):
        return _collapse_chars(walked, offsets)
    if not _UNTIDY.search(walked):
        return walked, offsets
    parts: list[str] = []
    toff: list[int] = []
    prev = 0
    for m in _WORD.finditer(walked):
        a, b = m.span()
        if b - a > MAX_WORD:
            return _collapse_chars(walked, offsets)
        if parts:
            parts.append(" ")
            toff.append(offsets[prev])
        parts.append(m.group())
        toff.extend(offsets[a:b])
        prev = b
    return "".join(parts), toff


def _is_format(ch: str) -> bool:
    return ch in _FORMAT_CHARS or (ch > "\u00ac" and unicodedata.category(ch) == "Cf")


def _collapse_chars(walked: str, offsets: list[int]) -> tuple[str, list[int]]:
    text: list[str] = []
    toff: list[int] = []
    run = 0
    for ch, off in zip(walked, offsets, strict=True):
        if _is_format(ch):
            continue
        if ch.isspace():
            run = 0
            if not text or text[-1] == " ":
                continue
            text.append(" ")
            toff.append(off)
        else:
            if run == MAX_WORD:
                text.append(" ")
                toff.append(off)
                run = 0
            run += 1
            text.append(ch)
            toff.append(off)
    while text and text[-1] == " ":
        text.pop()
        toff.pop()
    return "".join(text), toff


def _walk(
    s: str,
    o: list[int],
    i: int,
    end: int,
    out: list[str],
    outo: list[int],
    links: list[RawLink],
    comments: list[tuple[int, str]],
    refs: dict[str, str],
    pairs: _Pairs,
    depth: int,
) -> None:
    seek = _WALK_STOP.search
    while i < end:
        m = seek(s, i, end)
        j = m.start() if m else end
        if j > i:  # plain characters up to the next one that may be markup: copied at once
            out.append(s[i:j])
            outo.extend(o[i:j])
            i = j
            if i >= end:
                break
        c = s[i]
        if c == "\\" and i + 1 < end and s[i + 1] in _ESCAPABLE:
            out.append(s[i + 1])
            outo.append(o[i + 1])
            i += 2
            continue
        if c == "`":
            k = i
            while k < end and s[k] == "`":
                k += 1
            close = pairs.code_close(i, k - i, end)
            if close >= 0:
                # Code is never prose: leave a space so the words around it stay apart.
                out.append(" ")
                outo.append(o[i])
                i = close + (k - i)
                continue
            for j in range(i, k):
                out.append(s[j])
                outo.append(o[j])
            i = k
            continue
        if c == "<":
            if s.startswith("<!--", i):
                close = s.find("-->", i + 4, end)
                stop = close + 3 if close >= 0 else end
                comments.append((o[i], s[i + 4 : close if close >= 0 else end]))
                i = stop
                continue
            m = _AUTOLINK.match(s, i, end)
            if m:
                links.append(RawLink(m.group(1), m.group(1), o[i]))
                i = m.end()
                continue
            m = _HTML_TAG.match(s, i, end)
            if m:
                i = m.end()
                continue
        if c == "!" and i + 1 < end and s[i + 1] == "[":
            close = pairs.bracket.get(i + 1, -1)
            if 0 <= close < end and close + 1 < end and s[close + 1] == "(":
                pclose = pairs.paren.get(close + 1, -1)
                if 0 <= pclose < end:
                    i = pclose + 1  # images are not prose
                    continue
        if c == "[" and depth < MAX_LINK_NESTING:
            close = pairs.bracket.get(i, -1)
            if 0 <= close < end:
                label = s[i + 1 : close]
                target: str | None = None
                after = close + 1
                if after < end and s[after] == "(":
                    pclose = pairs.paren.get(after, -1)
                    if 0 <= pclose < end:
                        target = _destination(s[after + 1 : pclose])
                        after = pclose + 1
                elif after < end and s[after] == "[":
                    rclose = pairs.bracket.get(after, -1)
                    if 0 <= rclose < end:
                        key = _norm_ref(s[after + 1 : rclose] or label)
                        if key in refs:
                            target = refs[key]
                            after = rclose + 1
                elif refs:
                    key = _norm_ref(label)
                    if key in refs:
                        target = refs[key]
                if target is not None:
                    start = len(out)
                    _walk(s, o, i + 1, close, out, outo, links, comments, refs, pairs, depth + 1)
                    links.append(RawLink("".join(out[start:]).strip(), target, o[i]))
                    i = after
                    continue
        if c == "*" or c == "~":
            i += 1
            continue
        if c == "_":
            k = i
            while k < end and s[k] == "_":
                k += 1
            before = s[i - 1] if i > 0 else " "
            after_c = s[k] if k < end else " "
            if before.isalnum() and after_c.isalnum():  # snake_case: keep
                for j in range(i, k):
                    out.append(s[j])
                    outo.append(o[j])
            i = k
            continue
        if c == "h" and (s.startswith("http://", i) or s.startswith("https://", i)):
            m = _BARE_URL.match(s, i, end)
            if m:
                url = m.group(0).rstrip(".,;:!?")
                links.append(RawLink(url, url, o[i]))
                i += len(url)
                continue
        out.append(c)
        outo.append(o[i])
        i += 1


def _norm_ref(label: str) -> str:
    return " ".join(label.split()).casefold()


def slugify(heading: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    s = heading.strip().lower()
    s = re.sub(r"[^\w\- ]", "", s)
    return s.replace(" ", "-")
