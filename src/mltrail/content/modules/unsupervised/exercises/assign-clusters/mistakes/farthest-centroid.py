# Mistake: argmax instead of argmin, so each point goes to its farthest centroid.
import numpy as np


def assign_clusters(X, centroids):
    X, C = np.asarray(X, dtype=float), np.asarray(centroids, dtype=float)
    squared = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
    return [int(j) for j in squared.argmax(axis=1)]
