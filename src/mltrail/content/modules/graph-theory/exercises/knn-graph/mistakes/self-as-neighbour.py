# Mistake: counts each point as one of its own k nearest neighbours.
import numpy as np


def knn_graph(X, k):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    D = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1)
    nearest = np.argsort(D, axis=1)[:, :k]  # the first one is the point itself, at distance 0
    A = np.zeros((n, n), dtype=int)
    A[np.arange(n)[:, None], nearest] = 1
    A = np.maximum(A, A.T)
    np.fill_diagonal(A, 0)
    return A
