import numpy as np


def kmeans_plus_plus(X, k, uniforms):
    """Indices of k starting centres chosen by k-means++ with the given uniform numbers."""
    X = np.asarray(X, dtype=float)
    n = len(X)
    chosen = [min(int(uniforms[0] * n), n - 1)]
    nearest = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for u in uniforms[1:k]:
        running = np.cumsum(nearest)
        i = int(np.searchsorted(running, u * running[-1], side="left"))
        i = min(i, n - 1)
        chosen.append(i)
        nearest = np.minimum(nearest, ((X - X[i]) ** 2).sum(axis=1))
    return chosen
