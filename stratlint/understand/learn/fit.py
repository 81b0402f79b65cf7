"""Fitting the linear models (numpy; imported only by the training command).

Full-batch gradient descent with Adam on L2-regularised log loss, from zero weights: no random
initialisation, no shuffling, so the same data give the same model. Features seen fewer than
`min_count` times in the training data are dropped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from stratlint.understand.learn.linear import LinearModel


def _matrix(rows: Sequence[Sequence[str]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    r: list[int] = []
    c: list[int] = []
    for i, feats in enumerate(rows):
        for f in sorted(set(feats)):
            j = vocab.get(f)
            if j is not None:
                r.append(i)
                c.append(j)
    return np.asarray(r, dtype=np.int64), np.asarray(c, dtype=np.int64)


def fit(
    rows: Sequence[Sequence[str]],
    targets: Sequence[Sequence[float]],
    labels: Sequence[str],
    multilabel: bool = False,
    l2: float = 1.0,
    epochs: int = 300,
    lr: float = 0.05,
    min_count: int = 2,
    weights: Sequence[float] | None = None,
) -> LinearModel:
    """Fit a model. `targets[i]` is a one-hot (softmax) or 0/1 vector (multilabel) per row."""
    counts = Counter(f for feats in rows for f in set(feats))
    names = sorted(f for f, k in counts.items() if k >= min_count)
    vocab = {f: j for j, f in enumerate(names)}
    n, k, d = len(rows), len(labels), len(names)
    ri, ci = _matrix(rows, vocab)
    y = np.asarray(targets, dtype=np.float64).reshape(n, k)
    sw = np.ones(n) if weights is None else np.asarray(weights, dtype=np.float64)
    sw = sw / sw.sum()
    row_runs, rows_hit, ri_by_col, col_runs, cols_hit = _runs(ri, ci)
    w = np.zeros((d, k))
    b = np.zeros(k)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    reg = l2 / max(n, 1)
    for t in range(1, epochs + 1):
        z = np.zeros((n, k))
        if len(ci):
            z[rows_hit] = np.add.reduceat(w[ci], row_runs, axis=0)
        z += b
        p = _probabilities(z, multilabel)
        g = (p - y) * sw[:, None]
        gw = reg * w
        if len(ci):
            gw[cols_hit] += np.add.reduceat(g[ri_by_col], col_runs, axis=0)
        gb = g.sum(axis=0)
        for param, grad, m, v in ((w, gw, mw, vw), (b, gb, mb, vb)):
            m *= beta1
            m += (1 - beta1) * grad
            v *= beta2
            v += (1 - beta2) * grad * grad
            mhat = m / (1 - beta1**t)
            vhat = v / (1 - beta2**t)
            param -= lr * mhat / (np.sqrt(vhat) + eps)
    weights_out = {
        f: tuple(float(x) for x in w[j]) for f, j in vocab.items() if np.abs(w[j]).max() >= 1e-4
    }
    return LinearModel(tuple(labels), tuple(float(x) for x in b), weights_out, multilabel)


def _runs(
    ri: np.ndarray, ci: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sparse products by sorted runs (np.add.reduceat), rows for X·W and columns for Xᵀ·G:
    the row runs and the rows they hit, the row of each entry in column order, the column runs
    and the columns they hit."""
    row_runs = np.flatnonzero(np.r_[True, ri[1:] != ri[:-1]]) if len(ri) else np.zeros(0, int)
    rows_hit = ri[row_runs]
    by_col = np.argsort(ci, kind="stable")
    ci_sorted, ri_by_col = ci[by_col], ri[by_col]
    col_runs = (
        np.flatnonzero(np.r_[True, ci_sorted[1:] != ci_sorted[:-1]])
        if len(ci)
        else np.zeros(0, int)
    )
    return row_runs, rows_hit, ri_by_col, col_runs, ci_sorted[col_runs]


def _probabilities(z: np.ndarray, multilabel: bool) -> np.ndarray:
    """Sigmoid per label (multilabel) or softmax over labels, of the scores `z` (changed in place
    for the softmax, as the training loop does not reuse them)."""
    if multilabel:
        sigmoid: np.ndarray = 1.0 / (1.0 + np.exp(-z))
        return sigmoid
    z -= z.max(axis=1, keepdims=True)
    p: np.ndarray = np.exp(z)
    p /= p.sum(axis=1, keepdims=True)
    return p
