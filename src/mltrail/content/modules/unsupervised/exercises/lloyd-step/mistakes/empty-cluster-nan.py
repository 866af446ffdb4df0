# Mistake: takes the mean of an empty cluster, which is NaN, instead of keeping its centroid.
import numpy as np


def lloyd_step(X, centroids):
    X, C = np.asarray(X, dtype=float), np.asarray(centroids, dtype=float)
    labels = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    return np.array([X[labels == j].mean(axis=0) for j in range(len(C))])
