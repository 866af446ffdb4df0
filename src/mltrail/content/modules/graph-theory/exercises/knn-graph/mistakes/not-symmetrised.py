# Mistake: returns the directed k-nearest-neighbour relation, without making it symmetric.
import numpy as np


def knn_graph(X, k):
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    D = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1)
    np.fill_diagonal(D, np.inf)
    nearest = np.argsort(D, axis=1)[:, :k]
    A = np.zeros((n, n), dtype=int)
    A[np.arange(n)[:, None], nearest] = 1
    return A
