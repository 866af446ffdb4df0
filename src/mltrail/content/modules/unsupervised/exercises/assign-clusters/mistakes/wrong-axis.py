# Mistake: argmin over the points axis (axis 0): the nearest point of each centroid.
import numpy as np


def assign_clusters(X, centroids):
    X, C = np.asarray(X, dtype=float), np.asarray(centroids, dtype=float)
    squared = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
    return [int(j) for j in squared.argmin(axis=0)]
