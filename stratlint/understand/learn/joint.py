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
from typing import Any

from stratlint.understand.learn.linear import LinearModel, stacked_scores


class JointScorer:
    def __init__(self, models: Sequence[LinearModel]) -> None:
        self.models = tuple(models)
        self._memo: dict[tuple[int, ...], tuple[float, ...]] = {}

    def probas(self, features: Iterable[str]) -> list[dict[str, float]]:
        """Each model's `proba(features)`, in the order of `models`."""
        out = []
        start = 0
        scores = self.scores(features)
        for m in self.models:
            end = start + len(m.labels)
            out.append(m.proba_of(scores[start:end]))
            start = end
        return out

    def scores(self, features: Iterable[str]) -> list[float]:
        """Every model's scores, one after another in the order of `models`."""
        index, stack = self._stack
        return stacked_scores(index, stack, self._memo, features)

    @cached_property
    def _stack(self) -> tuple[dict[str, int], Any]:
        """Each feature any model knows → its row (1, 2, … in sorted name order), and the matrix
        whose row 0 holds every model's bias and row k the k-th feature's weights."""
        import numpy as np

        tables = [_rows_of(m) for m in self.models]
        names = list(tables[0][0]) if tables else []
        first = set(names)
        for table, _ in tables[1:]:
            names.extend(f for f in table if f not in first)
        names.sort()  # the first model's names are sorted already: a merge, mostly
        index = {f: i for i, f in enumerate(names, start=1)}
        widths = [len(m.labels) for m in self.models]
        stack = np.zeros((len(names) + 1, sum(widths)), dtype=np.float64)
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
