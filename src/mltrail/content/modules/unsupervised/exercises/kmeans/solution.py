import numpy as np


def _assign(X, C):
    return ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)


def kmeans(X, init, iterations):
    """Run `iterations` Lloyd iterations from `init`; return (centroids, labels, inertia)."""
    X = np.asarray(X, dtype=float)
    C = np.array(init, dtype=float)
    for _ in range(iterations):
        labels = _assign(X, C)
        for j in range(len(C)):
            mask = labels == j
            if mask.any():
                C[j] = X[mask].mean(axis=0)
    labels = _assign(X, C)
    inertia = float(((X - C[labels]) ** 2).sum())
    return C, [int(v) for v in labels], inertia
