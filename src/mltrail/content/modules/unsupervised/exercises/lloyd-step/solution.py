import numpy as np


def lloyd_step(X, centroids):
    """One assignment step and one update step of k-means; return the new centroids."""
    X = np.asarray(X, dtype=float)
    C = np.asarray(centroids, dtype=float)
    labels = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    new = C.copy()
    for j in range(len(C)):
        mask = labels == j
        if mask.any():
            new[j] = X[mask].mean(axis=0)
    return new
