"""`lower(text)`: `text.lower()` for long texts, without the 12 bytes a character it can cost;
`holders`: which of the texts joined into one string hold a substring."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

PIECE = 1 << 16  # characters lower-cased at once, at least


def lower(text: str, sep: str = "\n") -> str:
    """The same string as `text.lower()`.

    For text that is not ASCII, CPython's `str.lower` works in a buffer of three 4-byte code
    points per character: 120 MB at once for a 10 MB document (issue 15). Long text is lower-cased
    in pieces that each end at a newline. That changes nothing: the only rule that reads a
    character's neighbours (a final capital sigma) looks past case-ignorable characters only, and
    a newline is neither that nor a letter, so no context crosses it. Nor does a NUL, the other
    `sep` used (between statements joined into one string)."""
    assert sep in ("\n", "\x00")
    if len(text) <= PIECE or text.isascii():
        return text.lower()
    pieces = []
    start = 0
    while start < len(text):
        end = text.find(sep, start + PIECE)
        end = len(text) if end < 0 else end + 1
        pieces.append(text[start:end].lower())
        start = end
    return "".join(pieces)


def holders(joined: str, starts: Sequence[int], key: str) -> Iterator[int]:
    """The indexes of the texts joined into `joined` (text i starting at `starts[i]`) that hold
    `key`, in order, each once: a search moves on to the next text after a hit."""
    i = joined.find(key)
    while i >= 0:
        d = bisect_right(starts, i) - 1
        yield d
        if d + 1 >= len(starts):
            return
        i = joined.find(key, starts[d + 1])
