# Mistake: scores a split by the plain mean of the two children's impurities, ignoring how many rows each holds.
import numpy as np


def _impurity(labels, criterion):
    if len(labels) == 0:
        return 0.0
    p = np.unique(labels, return_counts=True)[1] / len(labels)
    return 1.0 - (p**2).sum() if criterion == "gini" else -(p * np.log2(p)).sum()


def best_split(X, y, criterion):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    best = None
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for t in (values[:-1] + values[1:]) / 2:
            left = X[:, j] <= t
            score = (_impurity(y[left], criterion) + _impurity(y[~left], criterion)) / 2
            if best is None or score < best[2]:
                best = (j, float(t), float(score))
    return best
