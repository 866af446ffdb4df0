# Mistake: sum of absolute differences (L1) instead of the Euclidean distance.
import numpy as np


def assign_clusters(X, centroids):
    X, C = np.asarray(X, dtype=float), np.asarray(centroids, dtype=float)
    l1 = np.abs(X[:, None, :] - C[None, :, :]).sum(axis=2)
    return [int(j) for j in l1.argmin(axis=1)]
