"""Several linear models read from one list of features at once: `JointScorer`.

The class model and the tag model read the same inputs of every statement. Scored apart, each
looked the statement's fifty-odd features up in its own index and summed its own rows: a tenth
of a run's time (issue 15). Here the features are looked up once, in an index of every model's
features, and one running sum over one matrix (each model's weights in its own columns, zero
where a model does not know a feature) gives every model's scores.

The scores are the models' own, bit for bit: each model's columns are summed from its bias in
the same order as `LinearModel.scores` sums them (its known features in sorted name order), and
the rows of features it does not know add an exact 0.0, which leaves every partial sum unchanged
(but for the sign of a zero, which no probability tells apart).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from itertools import chain
from typing import Any

from stratlint.understand.learn.linear import LinearModel, feature_rows, stacked_scores

_PROBAS_MAX = 5_000  # sets of features kept (a few batches of documents; bounded memory)


class JointScorer:
    def __init__(self, models: Sequence[LinearModel]) -> None:
        self.models = tuple(models)
        self._memo: dict[tuple[int, ...], tuple[float, ...]] = {}
        self._probas: dict[tuple[int, ...], tuple[tuple[float, ...], ...]] = {}

    def probas(self, features: Iterable[str]) -> list[dict[str, float]]:
        """Each model's `proba(features)`, in the order of `models`. The probabilities of a set
        of known features already scored in this process (a statement repeated in the same
        context) are kept, as each model's values in its label order, and given again: no
        sum, exponential or division for them (issue 15)."""
        known = self.values([self.rows(features)])[0]
        return [
            dict(zip(m.labels, p, strict=True)) for m, p in zip(self.models, known, strict=True)
        ]

    @property
    def index(self) -> dict[str, int]:
        """Each feature any model knows → its row in the joint matrix (`rows` reads it)."""
        return self._stack[0]

    def rows(self, features: Iterable[str]) -> tuple[int, ...]:
        """The rows of the known features in the joint matrix, ascending: what `values` reads."""
        return feature_rows(self._stack[0], features)

    def values(self, sets: Sequence[tuple[int, ...]]) -> list[tuple[tuple[float, ...], ...]]:
        """For each set of rows (`rows`: a statement's features), each model's probabilities in
        its label order: the values of `probas`, as tuples. The sets not seen before are scored
        together: one gather of their rows and one running sum over them all (`summed_sets`),
        instead of a gather and a sum per statement; the probabilities are then made as
        `LinearModel.proba_of` makes them. A whole document's statements are scored at once,
        a few hundred at a time (`confirm.learned_classes`)."""
        memo = self._probas
        known = [memo.get(r) for r in sets]
        new = list(dict.fromkeys(r for r, k in zip(sets, known, strict=True) if k is None))
        if not new:
            return known  # type: ignore[return-value]
        fresh: dict[tuple[int, ...], tuple[tuple[float, ...], ...]] = {}
        for group in _bounded_groups(new):
            sums = summed_sets(self._stack[1], group)
            fresh.update(zip(group, map(self._values_of, sums), strict=True))
        if len(memo) + len(fresh) > _PROBAS_MAX:
            memo.clear()
        memo.update(fresh)
        return [k if k is not None else fresh[r] for r, k in zip(sets, known, strict=True)]

    def _values_of(self, scores: list[float]) -> tuple[tuple[float, ...], ...]:
        values = []
        start = 0
        for m in self.models:
            end = start + len(m.labels)
            values.append(tuple(m.proba_of(scores[start:end]).values()))
            start = end
        return tuple(values)

    def scores(self, features: Iterable[str]) -> list[float]:
        """Every model's scores, one after another in the order of `models`."""
        index, stack = self._stack
        return stacked_scores(index, stack, self._memo, features)

    @cached_property
    def _stack(self) -> tuple[dict[str, int], Any]:
        """Each feature any model knows → its row (1, 2, … in sorted name order), and the matrix
        whose row 0 holds every model's bias, row k the k-th feature's weights, and whose last
        row is zeros (what `summed_sets` pads with)."""
        import numpy as np

        tables = [_rows_of(m) for m in self.models]
        names = list(tables[0][0]) if tables else []
        first = set(names)
        for table, _ in tables[1:]:
            names.extend(f for f in table if f not in first)
        names.sort()  # the first model's names are sorted already: a merge, mostly
        index = {f: i for i, f in enumerate(names, start=1)}
        widths = [len(m.labels) for m in self.models]
        stack = np.zeros((len(names) + 2, sum(widths)), dtype=np.float64)
        col = 0
        for m, (table, matrix), width in zip(self.models, tables, widths, strict=True):
            stack[0, col : col + width] = m.bias
            rows = np.fromiter(map(index.__getitem__, table), dtype=np.intp, count=len(table))
            stack[rows, col : col + width] = matrix
            col += width
        return index, stack


def _rows_of(m: LinearModel) -> tuple[Sequence[str], Any]:
    """A model's feature names and its weight matrix, a row per name in that order."""
    import numpy as np

    names = list(m.weights)
    if m.matrix is not None:
        return names, m.matrix.reshape(len(names), len(m.labels))
    matrix = np.array([m.weights[f] for f in names], dtype=np.float64)
    return names, matrix.reshape(len(names), len(m.labels))


# Row numbers gathered at once, padding included: with the model's 11 columns, about 6 MB a
# gathered array. One long statement (a 3 MB paragraph has ~100,000 features) padding a few
# hundred short ones would otherwise ask for gigabytes.
_CELLS_AT_ONCE = 65_536


def _bounded_groups(sets: list[tuple[int, ...]]) -> list[list[tuple[int, ...]]]:
    """`sets` by length, in groups whose padded size (sets × the longest + 1) stays within
    `_CELLS_AT_ONCE`; a set longer than that is a group of its own. Shorter sets together also
    pad less."""
    groups: list[list[tuple[int, ...]]] = []
    group: list[tuple[int, ...]] = []
    for r in sorted(sets, key=len):
        if group and (len(group) + 1) * (len(r) + 1) > _CELLS_AT_ONCE:
            groups.append(group)
            group = []
        group.append(r)
    if group:
        groups.append(group)
    return groups


def summed_sets(stack: Any, sets: Sequence[tuple[int, ...]]) -> list[list[float]]:
    """`summed_rows(stack, rows)` for each of `sets`, bit for bit, in one pass; `stack`'s last row
    is zeros (`JointScorer._stack`). Each set's row numbers after the bias row's, padded to the
    longest with the row of zeros, are gathered into one array and summed along each set by
    `add.accumulate` (sequential by definition: the same additions in the same order as
    `summed_rows`; adding an exact 0.0 leaves each partial sum unchanged, but for the sign of a
    zero, which no probability tells apart). `add.reduceat` would be one call too, but does not
    add in that order (measured: most sums differ in their last bits)."""
    import numpy as np  # loaded with the weights already

    width = 1 + max(map(len, sets))
    zero = stack.shape[0] - 1  # the row of zeros
    lengths = np.fromiter((1 + len(r) for r in sets), dtype=np.intp, count=len(sets))
    flat = np.fromiter(chain.from_iterable((0, *r) for r in sets), dtype=np.intp)
    at = np.full((len(sets), width), zero, dtype=np.intp)
    at[np.arange(width) < lengths[:, None]] = flat
    summed: list[list[float]] = np.add.accumulate(stack[at], axis=1)[:, -1].tolist()
    return summed
