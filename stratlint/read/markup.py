"""Inline Markdown → plain text, keeping the source offset of every character.

The parser hands over the raw inline source of a paragraph, list item, cell or heading (with the
offset of each of its characters). This module drops emphasis markers, code spans, HTML and link
URLs, keeps link text, and records the links it saw, so that every character of the plain text
still knows where it stands in the file.

Time is linear in the length of the text: brackets, parentheses and code spans are paired in one
pass before the walk (`_pairs.Pairs`), so no `[` or `(` ever scans ahead for its partner.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from stratlint.offsets import Offsets
from stratlint.read._pairs import AUTOLINK, BARE_URL, HTML_TAG, Pairs

_ESCAPABLE = set("\\`*_{}[]()#+-.!|<>~\"'$%&,/:;=?@^")
# Characters where `_Walker.walk` does more than copy: every other character is copied in one
# step.
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
    offsets: Offsets
    links: tuple[RawLink, ...]
    comments: tuple[tuple[int, str], ...]  # (offset, body) of inline HTML comments


def _destination(inner: str) -> str:
    inner = inner.strip()
    if inner.startswith("<"):
        end = inner.find(">")
        return inner[1:end] if end > 0 else inner[1:]
    return inner.split()[0] if inner.split() else ""


def to_plain(raw: str, offsets: Sequence[int], references: dict[str, str] | None = None) -> Plain:
    """Strip inline markup from `raw`, where `offsets[i]` is the source offset of `raw[i]`.

    Offsets are carried as arrays of machine integers (8 bytes a character, not a 40-byte int
    and its list slot) until `Offsets.of` keeps only their runs (issue 15: a 4 MB line).
    Text with nothing to strip or collapse (`as_is`, most statements) is its own plain text."""
    if as_is(raw):
        return Plain(raw, Offsets.of(offsets), (), ())
    walker = _Walker(raw, offsets, references or {})
    walker.walk(0, len(raw), 0)
    text, toff = _collapse("".join(walker.out), walker.outo)
    return Plain(text, Offsets.of(toff), tuple(walker.links), tuple(walker.comments))


_WORD = re.compile(r"\S+")  # \S is exactly `not str.isspace()` for str patterns
# Something to collapse: white space other than single spaces between words, or a long word.
_UNTIDY = re.compile(r"\s\s|[^\S ]|\A\s|\s\Z|\S{" + str(MAX_WORD + 1) + "}")


# What `as_is` looks for, cheapest first: markup characters and white space other than a space
# in ASCII text (one character class), a word over MAX_WORD characters, and in other text any
# white space other than a space.
_NOT_AS_IS_ASCII = re.compile(r"[\\`<!\[*~_\t\n\x0b\x0c\r\x1c-\x1f]")
_LONG_WORD = re.compile(r"\S{" + str(MAX_WORD + 1) + "}")
_OTHER_SPACE = re.compile(r"[^\S ]")


def as_is(raw: str) -> bool:
    """Whether `raw` is surely its own plain text: not empty, no character where the walk does
    more than copy (`_WALK_STOP`; any "://" counts), nothing `_collapse` would change (no untidy
    white space, no over-long word, no format character). A few C-level scans instead of the
    walk, the pairing pass and the collapse, for the three statements in four that hold no
    markup at all; a text it is unsure of is walked, with the same result."""
    if not raw or "  " in raw or "://" in raw or raw[0] == " " or raw[-1] == " ":
        return False
    if _NOT_AS_IS_ASCII.search(raw) or _LONG_WORD.search(raw):
        return False
    return raw.isascii() or not (_OTHER_SPACE.search(raw) or any(_is_format(ch) for ch in set(raw)))


def _collapse(walked: str, offsets: array[int]) -> tuple[str, array[int]]:
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
    toff = array("q")
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


def _collapse_chars(walked: str, offsets: array[int]) -> tuple[str, array[int]]:
    text: list[str] = []
    toff = array("q")
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


class _Walker:
    """One inline text being walked: its source and offsets, the reference definitions, the
    pairs, and where the plain text, links and comments go. A method per Markdown construct,
    each giving where the walk goes on, or -1 when the character is not that construct after
    all (it is then copied as text)."""

    def __init__(self, s: str, o: Sequence[int], refs: dict[str, str]) -> None:
        self.s = s
        self.o = o
        self.refs = refs
        self._pairs: Pairs | None = None
        self.out: list[str] = []
        self.outo = array("q")
        self.links: list[RawLink] = []
        self.comments: list[tuple[int, str]] = []

    @property
    def pairs(self) -> Pairs:
        """The partners of the text's brackets and backtick runs, paired when a construct first
        needs them (emphasis, escapes and HTML never do)."""
        if self._pairs is None:
            self._pairs = Pairs(self.s)
        return self._pairs

    def walk(self, i: int, end: int, depth: int) -> None:
        s, o, out, outo = self.s, self.o, self.out, self.outo
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
            construct = _CONSTRUCTS.get(c)
            after = construct(self, i, end, depth) if construct is not None else -1
            if after >= 0:
                i = after
                continue
            out.append(c)
            outo.append(o[i])
            i += 1

    def copy(self, i: int, k: int) -> None:
        for j in range(i, k):
            self.out.append(self.s[j])
            self.outo.append(self.o[j])

    def escape(self, i: int, end: int, depth: int) -> int:
        s = self.s
        if i + 1 < end and s[i + 1] in _ESCAPABLE:
            self.out.append(s[i + 1])
            self.outo.append(self.o[i + 1])
            return i + 2
        return -1

    def code(self, i: int, end: int, depth: int) -> int:
        s = self.s
        k = i
        while k < end and s[k] == "`":
            k += 1
        close = self.pairs.code_close(i, k - i, end)
        if close >= 0:
            # Code is never prose: leave a space so the words around it stay apart.
            self.out.append(" ")
            self.outo.append(self.o[i])
            return close + (k - i)
        self.copy(i, k)
        return k

    def angle(self, i: int, end: int, depth: int) -> int:
        """An HTML comment (kept aside), an autolink, or an HTML tag (dropped)."""
        s, o = self.s, self.o
        if s.startswith("<!--", i):
            close = s.find("-->", i + 4, end)
            stop = close + 3 if close >= 0 else end
            self.comments.append((o[i], s[i + 4 : close if close >= 0 else end]))
            return stop
        m = AUTOLINK.match(s, i, end)
        if m:
            self.links.append(RawLink(m.group(1), m.group(1), o[i]))
            return m.end()
        m = HTML_TAG.match(s, i, end)
        if m:
            return m.end()
        return -1

    def image(self, i: int, end: int, depth: int) -> int:
        s, pairs = self.s, self.pairs
        if i + 1 < end and s[i + 1] == "[":
            close = pairs.bracket.get(i + 1, -1)
            if 0 <= close < end and close + 1 < end and s[close + 1] == "(":
                pclose = pairs.paren.get(close + 1, -1)
                if 0 <= pclose < end:
                    return pclose + 1  # images are not prose
        return -1

    def link(self, i: int, end: int, depth: int) -> int:
        if depth >= MAX_LINK_NESTING:
            return -1
        close = self.pairs.bracket.get(i, -1)
        if not 0 <= close < end:
            return -1
        target, after = self.target(i, close, end)
        if target is None:
            return -1
        start = len(self.out)
        self.walk(i + 1, close, depth + 1)
        self.links.append(RawLink("".join(self.out[start:]).strip(), target, self.o[i]))
        return after

    def target(self, i: int, close: int, end: int) -> tuple[str | None, int]:
        """The target of the link whose text is `[` at i to `]` at close: inline, a full or
        collapsed reference, or a shortcut reference; and where the link ends."""
        s, pairs, refs = self.s, self.pairs, self.refs
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
        return target, after

    def emphasis(self, i: int, end: int, depth: int) -> int:
        return i + 1

    def underscore(self, i: int, end: int, depth: int) -> int:
        s = self.s
        k = i
        while k < end and s[k] == "_":
            k += 1
        before = s[i - 1] if i > 0 else " "
        after_c = s[k] if k < end else " "
        if before.isalnum() and after_c.isalnum():  # snake_case: keep
            self.copy(i, k)
        return k

    def bare_url(self, i: int, end: int, depth: int) -> int:
        s = self.s
        if s.startswith("http://", i) or s.startswith("https://", i):
            m = BARE_URL.match(s, i, end)
            if m:
                url = m.group(0).rstrip(".,;:!?")
                self.links.append(RawLink(url, url, self.o[i]))
                return i + len(url)
        return -1


# The character a construct starts with (those `_WALK_STOP` stops at) → its walker.
_CONSTRUCTS: dict[str, Callable[[_Walker, int, int, int], int]] = {
    "\\": _Walker.escape,
    "`": _Walker.code,
    "<": _Walker.angle,
    "!": _Walker.image,
    "[": _Walker.link,
    "*": _Walker.emphasis,
    "~": _Walker.emphasis,
    "_": _Walker.underscore,
    "h": _Walker.bare_url,
}


def _norm_ref(label: str) -> str:
    return " ".join(label.split()).casefold()


def slugify(heading: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    s = heading.strip().lower()
    s = re.sub(r"[^\w\- ]", "", s)
    return s.replace(" ", "-")
