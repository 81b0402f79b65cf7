"""Where each character of a statement's plain text stands in the source: `Offsets`.

A statement's characters mostly come from the source in long runs of consecutive offsets (a
word, a line); only markup that was dropped, collapsed white space or a line break starts a new
run. `Offsets` keeps the runs, not one offset per character: a tuple of ints cost about 40 bytes a
character, the whole document's text over again at nine times its size (issue 15). It reads like
the tuple it replaces: `offsets[i]`, slices, `len`, iteration and equality give the same values.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, repeat
from operator import sub
from typing import overload


class Offsets(Sequence[int]):
    """Source offsets of a text's characters, kept as maximal runs of consecutive offsets.

    `_runs` holds the runs' first character indices, then their first source offsets (so one
    array, and `bisect` over its first half finds the run of a character)."""

    __slots__ = ("_len", "_runs")

    def __init__(self, runs: array[int] | None = None, length: int = 0) -> None:
        self._runs: array[int] = runs if runs is not None else array("q")
        self._len = length

    @classmethod
    def of(cls, offsets: Iterable[int]) -> Offsets:
        """The runs of per-character offsets (a list, an array, a tuple or another Offsets)."""
        if isinstance(offsets, Offsets):
            return offsets
        offs = offsets if isinstance(offsets, (list, array)) else list(offsets)
        starts, sources = _runs(offs)
        return cls(array("q", starts + sources), len(offs))

    @classmethod
    def run(cls, first: int, length: int) -> Offsets:
        """The offsets first, first + 1, … of `length` characters (`Offsets.of` of that range)."""
        return cls(array("q", (0, first)), length)

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, i: int) -> int: ...

    @overload
    def __getitem__(self, i: slice) -> Offsets: ...

    def __getitem__(self, i: int | slice) -> int | Offsets:
        if isinstance(i, slice):
            return self._slice(i)
        n = self._len
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("Offsets index out of range")
        runs = self._runs
        if len(runs) == 2:  # one run, as most statements are
            return runs[1] + i
        k = len(runs) // 2
        r = bisect_right(runs, i, 0, k) - 1
        return runs[k + r] + i - runs[r]

    def _slice(self, sl: slice) -> Offsets:
        start, stop, step = sl.indices(self._len)
        if step != 1:
            return Offsets.of(list(self)[sl])
        if start >= stop:
            return Offsets()
        runs = self._runs
        if len(runs) == 2:  # one run: the slice is one run too
            return Offsets(array("q", (0, runs[1] + start)), stop - start)
        k = len(runs) // 2
        first = bisect_right(runs, start, 0, k) - 1
        last = bisect_right(runs, stop - 1, 0, k) - 1
        starts = [0] + [runs[r] - start for r in range(first + 1, last + 1)]
        sources = [runs[k + first] + start - runs[first]] + list(runs[k + first + 1 : k + last + 1])
        return Offsets(array("q", starts + sources), stop - start)

    def __iter__(self) -> Iterator[int]:
        runs, n = self._runs, self._len
        k = len(runs) // 2
        if not k:
            return iter(())
        ends = list(runs[1:k]) + [n]
        return chain.from_iterable(
            range(src, src + end - begin)
            for begin, end, src in zip(runs[:k], ends, runs[k:], strict=True)
        )

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Offsets):
            return self._len == other._len and self._runs == other._runs
        if isinstance(other, (tuple, list)):
            return self._len == len(other) and list(self) == list(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._len, self._runs.tobytes()))

    def __repr__(self) -> str:
        return f"Offsets({list(self)!r})"

    def __reduce__(self) -> tuple[type[Offsets], tuple[array[int], int]]:
        return (Offsets, (self._runs, self._len))


def _runs(offs: list[int] | array[int]) -> tuple[list[int], list[int]]:
    """The maximal runs of consecutive offsets: their first indices and first offsets.

    Within a run, offset minus index is one constant; where offsets increase (nearly always),
    those keys never decrease, so each run's end is one C-level `bisect`. The runs are then
    checked against the keys at C speed; a sequence with a repeated or a backward offset is read
    one character at a time instead. The per-character work is in arrays of machine integers,
    never in lists of int objects (a 4 MB line's would take 160 MB, issue 15)."""
    n = len(offs)
    if not n:
        return [], []
    first = offs[0]
    if offs[-1] - first == n - 1 and _consecutive(offs, first):
        return [0], [first]  # one run: most statements
    keys = array("q", map(sub, offs, range(n)))
    starts: list[int] = []
    i = 0
    while i < n:
        starts.append(i)
        i = bisect_right(keys, keys[i], i)
    ends = starts[1:] + [n]
    lengths = [end - begin for begin, end in zip(starts, ends, strict=True)]
    run_keys = [keys[i] for i in starts]
    if array("q", chain.from_iterable(map(repeat, run_keys, lengths))) == keys:
        return starts, [k + i for k, i in zip(run_keys, starts, strict=True)]
    return _runs_slowly(offs)


def _consecutive(offs: list[int] | array[int], first: int) -> bool:
    """Whether offs is first, first + 1, first + 2, …"""
    if isinstance(offs, array):
        return offs == array("q", range(first, first + len(offs)))
    return offs == list(range(first, first + len(offs)))


def _runs_slowly(offs: Sequence[int]) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    sources: list[int] = []
    prev = None
    for i, o in enumerate(offs):
        if prev is None or o != prev + 1:
            starts.append(i)
            sources.append(o)
        prev = o
    return starts, sources
