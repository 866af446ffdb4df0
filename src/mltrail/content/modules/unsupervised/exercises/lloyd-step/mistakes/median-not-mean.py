# Mistake: moves each centroid to the median of its points, not the mean.
import numpy as np


def lloyd_step(X, centroids):
    X, C = np.asarray(X, dtype=float), np.asarray(centroids, dtype=float)
    labels = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    new = C.copy()
    for j in range(len(C)):
        if (labels == j).any():
            new[j] = np.median(X[labels == j], axis=0)
    return new
