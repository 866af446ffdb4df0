import numpy as np


def _impurity(counts, criterion):
    """Gini or entropy (base 2) of each row of class counts; an empty row has impurity 0."""
    totals = counts.sum(axis=1, keepdims=True)
    p = counts / np.maximum(totals, 1)
    if criterion == "gini":
        return 1.0 - (p**2).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.where(p > 0, p * np.log2(p), 0.0).sum(axis=1)


def best_split(X, y, criterion):
    """The split x[feature] <= threshold with the lowest weighted child impurity: (feature, threshold, impurity)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n, d = X.shape
    onehot = (y[:, None] == np.unique(y)[None, :]).astype(float)
    best = None
    for j in range(d):
        order = np.argsort(X[:, j], kind="stable")
        x = X[order, j]
        left = np.cumsum(onehot[order], axis=0)[:-1]  # class counts of the first i + 1 sorted rows
        right = onehot.sum(axis=0) - left
        sizes = np.arange(1, n)
        score = (sizes * _impurity(left, criterion) + (n - sizes) * _impurity(right, criterion)) / n
        valid = x[1:] > x[:-1]  # only between two different values
        for i in np.flatnonzero(valid):
            if best is None or score[i] < best[2] - 1e-12:
                best = (j, float((x[i] + x[i + 1]) / 2), float(score[i]) + 0.0)  # + 0.0: no -0.0
    return best
