"""Inline Markdown → plain text, keeping the source offset of every character.

The parser hands over the raw inline source of a paragraph, list item, cell or heading (with the
offset of each of its characters). This module drops emphasis markers, code spans, HTML and link
URLs, keeps link text, and records the links it saw, so that every character of the plain text
still knows where it stands in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ESCAPABLE = set("\\`*_{}[]()#+-.!|<>~\"'$%&,/:;=?@^")
_AUTOLINK = re.compile(r"<((?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*)|(?:[^<>\s@]+@[^<>\s@]+))>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_BARE_URL = re.compile(r"https?://[^\s<>()\[\]]+")


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


def _match_bracket(s: str, i: int) -> int:
    """Index of the `]` closing the `[` at i, or -1."""
    depth = 0
    j = i
    n = len(s)
    while j < n:
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "`":
            k = j
            while k < n and s[k] == "`":
                k += 1
            close = s.find(s[j:k], k)
            j = close + (k - j) if close >= 0 else k
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def _match_paren(s: str, i: int) -> int:
    """Index of the `)` closing the `(` at i, or -1 (destination and optional title)."""
    depth = 0
    j = i
    n = len(s)
    in_angle = False
    quote = ""
    while j < n:
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if quote:
            if c == quote:
                quote = ""
        elif in_angle:
            if c == ">":
                in_angle = False
        elif c == "<" and j == i + 1:
            in_angle = True
        elif c in "\"'" and j > i + 1 and s[j - 1].isspace():
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        elif c == "\n" and j + 1 < n and s[j + 1] == "\n":
            return -1
        j += 1
    return -1


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
    _walk(raw, offsets, 0, len(raw), out, outo, links, comments, refs, depth=0)
    # Collapse white space (newlines included) to single spaces, trimming both ends.
    text: list[str] = []
    toff: list[int] = []
    for ch, off in zip(out, outo):
        if ch.isspace():
            if not text or text[-1] == " ":
                continue
            text.append(" ")
            toff.append(off)
        else:
            text.append(ch)
            toff.append(off)
    while text and text[-1] == " ":
        text.pop()
        toff.pop()
    return Plain("".join(text), tuple(toff), tuple(links), tuple(comments))


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
    depth: int,
) -> None:
    while i < end:
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
            ticks = s[i:k]
            close = s.find(ticks, k, end)
            while close >= 0 and close + len(ticks) < end and s[close + len(ticks)] == "`":
                close = s.find(ticks, close + len(ticks) + 1, end)
            if close >= 0:
                # Code is never prose: leave a space so the words around it stay apart.
                out.append(" ")
                outo.append(o[i])
                i = close + len(ticks)
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
            close = _match_bracket(s, i + 1)
            if 0 <= close < end and close + 1 < end and s[close + 1] == "(":
                pclose = _match_paren(s, close + 1)
                if 0 <= pclose < end:
                    i = pclose + 1  # images are not prose
                    continue
        if c == "[" and depth < 8:
            close = _match_bracket(s, i)
            if 0 <= close < end:
                label = s[i + 1 : close]
                target: str | None = None
                after = close + 1
                if after < end and s[after] == "(":
                    pclose = _match_paren(s, after)
                    if 0 <= pclose < end:
                        target = _destination(s[after + 1 : pclose])
                        after = pclose + 1
                elif after < end and s[after] == "[":
                    rclose = s.find("]", after + 1, end)
                    if rclose >= 0:
                        key = _norm_ref(s[after + 1 : rclose] or label)
                        if key in refs:
                            target = refs[key]
                            after = rclose + 1
                else:
                    key = _norm_ref(label)
                    if key in refs:
                        target = refs[key]
                if target is not None:
                    start = len(out)
                    _walk(s, o, i + 1, close, out, outo, links, comments, refs, depth + 1)
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
