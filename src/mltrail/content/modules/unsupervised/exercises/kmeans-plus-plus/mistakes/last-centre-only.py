# Mistake: weights are squared distances to the most recently chosen centre only.
import numpy as np


def kmeans_plus_plus(X, k, uniforms):
    X = np.asarray(X, dtype=float)
    n = len(X)
    chosen = [int(uniforms[0] * n)]
    for u in uniforms[1:]:
        w = ((X - X[chosen[-1]]) ** 2).sum(axis=1)
        i = min(int(np.searchsorted(np.cumsum(w), u * w.sum())), n - 1)
        chosen.append(i)
    return chosen
