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

from stratlint.understand.learn.linear import (
    LinearModel,
    feature_rows,
    stacked_scores,
    summed_rows,
)

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
        index, stack = self._stack
        rows = feature_rows(index, features)
        known = self._probas.get(rows)
        if known is None:
            scores = summed_rows(stack, rows)
            values = []
            start = 0
            for m in self.models:
                end = start + len(m.labels)
                values.append(tuple(m.proba_of(scores[start:end]).values()))
                start = end
            if len(self._probas) >= _PROBAS_MAX:
                self._probas.clear()
            known = self._probas[rows] = tuple(values)
        return [
            dict(zip(m.labels, p, strict=True)) for m, p in zip(self.models, known, strict=True)
        ]

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
