"""A linear model over named features: softmax over classes, or one sigmoid per label.

The model is data: its labels, a bias per label and a weight vector per feature, stored as a small
JSON file (labels, bias, feature names) and a NumPy array of the weights (fast to load).
Prediction sums the weights of the features present (each counted once), in sorted order, so the
same features give bit-identical probabilities on every machine and every `--jobs`.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

_MEMO_MAX = 5_000  # score vectors kept per model (a few batches of documents; bounded memory)


def stacked_scores(
    index: Mapping[str, int],
    stack: Any,
    memo: dict[tuple[int, ...], tuple[float, ...]],
    features: Iterable[str],
) -> list[float]:
    """The scores of `features` from a weight stack whose row 0 is the bias and whose row
    `index[f]` is feature f's weights. Unknown features weigh 0. The row numbers of the known
    features, sorted, make the memo key: it holds no string of a statement's. Rows ascend with
    the names, so sorting the numbers sorts the names, and cheaper (issue 15). The bias row, then
    each feature's row, are added one after another: a running sum (`accumulate` is sequential by
    definition, unlike `sum`), so each label's score is the same float as the plain loop's
    `out[i] += w`. Shared by `LinearModel.scores` and the joint scorer (`learn/joint.py`)."""
    rows = feature_rows(index, features)
    known = memo.get(rows)
    if known is not None:
        return list(known)
    out = summed_rows(stack, rows)
    if len(memo) >= _MEMO_MAX:
        memo.clear()
    memo[rows] = tuple(out)
    return out


def feature_rows(index: Mapping[str, int], features: Iterable[str]) -> tuple[int, ...]:
    """The rows of the known features in a weight stack (`stacked_scores`), ascending."""
    rows_set = set(map(index.get, features))
    rows_set.discard(None)
    return tuple(sorted(rows_set))  # type: ignore[arg-type]


def summed_rows(stack: Any, rows: tuple[int, ...]) -> list[float]:
    """The bias row plus `rows` of a weight stack, added one after another (`stacked_scores`)."""
    import numpy as np  # loaded with the weights already

    # `add.accumulate` is what `cumsum` calls, without its wrapper.
    out: list[float] = np.add.accumulate(stack.take((0, *rows), axis=0))[-1].tolist()
    return out


@dataclass(frozen=True)
class LinearModel:
    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, Sequence[float]]
    multilabel: bool = False  # one sigmoid per label instead of a softmax over labels
    # The weights as loaded from `stem.npy` (a row per feature, in `weights` order), kept so that
    # scoring need not build its matrices again from the lists (issue 15: start-up).
    matrix: Any = field(default=None, compare=False, repr=False)

    def scores(self, features: Iterable[str]) -> list[float]:
        """Bias plus the weight rows of the features present, summed in sorted feature order (the
        same order, so the same result, on every machine). For a few labels a NumPy running sum
        (the same additions, in the same order, as a plain loop); one NumPy gather and sum for
        many (the genre model). The scores of
        a set of features already seen in this process (a statement repeated verbatim in the same
        context) are kept and given again."""
        if len(self.labels) <= 8:
            index, stack = self._stack
            return stacked_scores(index, stack, self._memo, features)
        table, matrix = self._table
        if self._table_sorted:
            # Rows ascend with the names: the known rows, sorted as integers, are the known
            # names sorted, without sorting a section's few hundred strings (issue 15).
            present = set(map(table.get, features))
            present.discard(None)
            found: list[int] = sorted(present)  # type: ignore[arg-type]
        else:
            found = [table[f] for f in sorted(set(features)) if f in table]
        if not found:
            return list(self.bias)
        return [b + x for b, x in zip(self.bias, matrix[found].sum(axis=0).tolist(), strict=True)]

    @property
    def row_index(self) -> Mapping[str, int]:
        """Each feature's row as `scores` reads it: what `scores_of_rows` is given."""
        return self._stack[0] if len(self.labels) <= 8 else self._table[0]

    def scores_of_rows(self, rows: Iterable[int]) -> list[float]:
        """`scores` of the features whose rows in `row_index` are `rows` (the known ones only,
        each once): the same additions in the same order, without the names."""
        if len(self.labels) <= 8:
            key = tuple(sorted(rows))
            memo = self._memo
            known = memo.get(key)
            if known is not None:
                return list(known)
            out = summed_rows(self._stack[1], key)
            if len(memo) >= _MEMO_MAX:
                memo.clear()
            memo[key] = tuple(out)
            return out
        table, matrix = self._table
        if self._table_sorted:
            found = sorted(rows)
        else:  # rows in the order of their sorted names, as `scores` sums them
            name_of = {r: f for f, r in table.items()}
            found = [table[f] for f in sorted(name_of[r] for r in rows)]
        if not found:
            return list(self.bias)
        return [b + x for b, x in zip(self.bias, matrix[found].sum(axis=0).tolist(), strict=True)]

    @cached_property
    def _stack(self) -> tuple[dict[str, int], Any]:
        """Each feature's row in a matrix whose row 0 is the bias and row k the weights of the
        k-th feature, in sorted order (so sorted names give ascending rows)."""
        import numpy as np

        names = list(self.weights)
        if self.matrix is not None and all(map(operator.lt, names, names[1:])):
            bias = np.array([self.bias], dtype=np.float64)
            matrix = np.concatenate([bias, self.matrix.reshape(len(names), len(self.labels))])
        else:
            names.sort()
            matrix = np.array(
                [list(self.bias)] + [self.weights[f] for f in names], dtype=np.float64
            ).reshape(len(names) + 1, len(self.labels))
        return {f: i for i, f in enumerate(names, start=1)}, matrix

    @cached_property
    def _memo(self) -> dict[tuple[int, ...], tuple[float, ...]]:
        return {}

    @cached_property
    def _table_sorted(self) -> bool:
        names = list(self._table[0])
        return all(map(operator.lt, names, names[1:]))

    @cached_property
    def _table(self) -> tuple[dict[str, int], Any]:
        import numpy as np

        names = list(self.weights)
        if self.matrix is not None:
            matrix = self.matrix.reshape(len(names), len(self.labels))
        else:
            matrix = np.array([self.weights[f] for f in names], dtype=np.float64).reshape(
                len(names), len(self.labels)
            )
        return {f: i for i, f in enumerate(names)}, matrix

    def proba(self, features: Iterable[str]) -> dict[str, float]:
        return self.proba_of(self.scores(features))

    def proba_of(self, s: Sequence[float]) -> dict[str, float]:
        """The probabilities of the scores `s` (a softmax, or a sigmoid per label)."""
        if self.multilabel:
            return {lab: _sigmoid(x) for lab, x in zip(self.labels, s, strict=True)}
        top = max(s)
        e = [math.exp(x - top) for x in s]
        z = sum(e)
        return {lab: x / z for lab, x in zip(self.labels, e, strict=True)}

    def explain(
        self, features: Iterable[str], label: str, most: int = 4
    ) -> list[tuple[str, float]]:
        """The features that pushed hardest towards `label` (for `stratlint inspect`)."""
        k = self.labels.index(label)
        got = [(f, self.weights[f][k]) for f in set(features) if f in self.weights]
        if not self.multilabel:
            got = [(f, w - sum(self.weights[f]) / len(self.labels)) for f, w in got]
        got.sort(key=lambda p: (-p[1], p[0]))
        return [p for p in got[:most] if p[1] > 0]

    def to_json(self) -> dict[str, Any]:
        return {
            "labels": list(self.labels),
            "multilabel": self.multilabel,
            "bias": [round(b, 6) for b in self.bias],
            "weights": {f: [round(x, 6) for x in w] for f, w in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinearModel:
        # The weight lists are used as JSON gives them: converting ~20,000 of them to tuples
        # would cost most of the load time, and nothing mutates them.
        return cls(
            tuple(data["labels"]),
            tuple(float(b) for b in data["bias"]),
            data["weights"],
            bool(data.get("multilabel", False)),
        )

    def save(self, stem: Path) -> None:
        """Write `stem.json` (labels, bias, feature names) and `stem.npy` (the weights)."""
        import numpy as np

        names = sorted(self.weights)
        head = {
            "labels": list(self.labels),
            "multilabel": self.multilabel,
            "bias": list(self.bias),
            "features": names,
        }
        stem.with_suffix(".json").write_text(json.dumps(head, separators=(",", ":")) + "\n")
        matrix = np.array([self.weights[f] for f in names], dtype=np.float64).reshape(
            len(names), len(self.labels)
        )
        with stem.with_suffix(".npy").open("wb") as fh:
            np.save(fh, matrix, allow_pickle=False)

    @classmethod
    def load(cls, stem: Path) -> LinearModel:
        import numpy as np

        head = json.loads(stem.with_suffix(".json").read_text())
        matrix = np.load(stem.with_suffix(".npy"), allow_pickle=False)
        matrix = matrix.astype(np.float64, copy=False)
        return cls(
            tuple(head["labels"]),
            tuple(float(b) for b in head["bias"]),
            _Rows(head["features"], matrix),
            bool(head.get("multilabel", False)),
            matrix,
        )


class _Rows(Mapping[str, Sequence[float]]):
    """Feature → its weights, as a loaded model holds them: each row is made into a list of
    floats only when asked (`explain`, `to_json`); scoring reads the matrix itself. Making all
    of them at load was a third of the models' start-up (issue 15)."""

    __slots__ = ("_index", "_matrix")

    def __init__(self, names: Sequence[str], matrix: Any) -> None:
        self._index = {f: i for i, f in enumerate(names)}
        self._matrix = matrix
        if matrix.shape[0] != len(self._index):
            raise ValueError("a model's feature names and weight rows differ in number")

    def __getitem__(self, feature: str) -> list[float]:
        row: list[float] = self._matrix[self._index[feature]].tolist()
        return row

    def __contains__(self, feature: object) -> bool:
        return feature in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def argmax(proba: Mapping[str, float], order: Sequence[str]) -> tuple[str, float]:
    """The label of `order` with the highest probability, the first of them on a tie."""
    best = order[0]
    top = proba[best]
    for k in order[1:]:
        p = proba[k]
        if p > top:
            best, top = k, p
    return best, top
