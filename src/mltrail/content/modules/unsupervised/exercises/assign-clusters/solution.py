import numpy as np


def assign_clusters(X, centroids):
    """The index of the nearest centroid for every row of X, as a list of ints."""
    X = np.asarray(X, dtype=float)
    C = np.asarray(centroids, dtype=float)
    squared = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)  # n x k
    return [int(j) for j in squared.argmin(axis=1)]
