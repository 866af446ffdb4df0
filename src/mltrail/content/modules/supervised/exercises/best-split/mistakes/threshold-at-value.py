# Mistake: returns the last value on the left as the threshold instead of the midpoint to the next value.
import numpy as np


def _impurity(labels, criterion):
    if len(labels) == 0:
        return 0.0
    p = np.unique(labels, return_counts=True)[1] / len(labels)
    return 1.0 - (p**2).sum() if criterion == "gini" else -(p * np.log2(p)).sum()


def best_split(X, y, criterion):
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    n = len(y)
    best = None
    for j in range(X.shape[1]):
        for t in np.unique(X[:, j])[:-1]:
            left = X[:, j] <= t
            score = left.sum() / n * _impurity(y[left], criterion) + (~left).sum() / n * _impurity(y[~left], criterion)
            if best is None or score < best[2]:
                best = (j, float(t), float(score))
    return best
