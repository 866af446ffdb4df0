# Mistake: weights proportional to the distance instead of the squared distance.
import numpy as np


def kmeans_plus_plus(X, k, uniforms):
    X = np.asarray(X, dtype=float)
    n = len(X)
    chosen = [int(uniforms[0] * n)]
    nearest = np.sqrt(((X - X[chosen[0]]) ** 2).sum(axis=1))
    for u in uniforms[1:]:
        i = min(int(np.searchsorted(np.cumsum(nearest), u * nearest.sum())), n - 1)
        chosen.append(i)
        nearest = np.minimum(nearest, np.sqrt(((X - X[i]) ** 2).sum(axis=1)))
    return chosen
