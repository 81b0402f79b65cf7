"""Each statement's probabilities from one model, for a whole document: `ProbaTable`."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence


class ProbaTable(Mapping[int, dict[str, float]]):
    """Statement index → {label: probability}, kept as one array of floats (a row of `labels`
    per statement) rather than a dict and its float objects per statement: about 90 bytes a
    statement instead of 800, for the class and tag models of a long document (issue 15).
    Reading a statement gives a fresh dict with the same values, in the model's label order."""

    __slots__ = ("labels", "_values", "_present")

    def __init__(self, labels: Sequence[str], size: int) -> None:
        self.labels = tuple(labels)
        self._values = array("d", bytes(8 * len(self.labels) * size))
        self._present = bytearray(size)

    def __setitem__(self, i: int, proba: Mapping[str, float]) -> None:
        k = len(self.labels)
        self._values[i * k : (i + 1) * k] = array("d", [proba[lab] for lab in self.labels])
        self._present[i] = 1

    def put(self, i: int, values: Sequence[float]) -> None:
        """Set statement i's probabilities from their values in `labels` order."""
        k = len(self.labels)
        self._values[i * k : (i + 1) * k] = array("d", values)
        self._present[i] = 1

    def __getitem__(self, i: int) -> dict[str, float]:
        if not self.__contains__(i):
            raise KeyError(i)
        k = len(self.labels)
        return dict(zip(self.labels, self._values[i * k : (i + 1) * k], strict=True))

    def __contains__(self, i: object) -> bool:
        return isinstance(i, int) and 0 <= i < len(self._present) and self._present[i] == 1

    def __iter__(self) -> Iterator[int]:
        return (i for i, here in enumerate(self._present) if here)

    def __len__(self) -> int:
        return self._present.count(1)
