import numpy as np


def knn_graph(X, k):
    """Return the symmetric 0/1 adjacency matrix of the k-nearest-neighbour graph of the rows of X."""
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    D = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1)  # squared distances rank like distances
    np.fill_diagonal(D, np.inf)  # a point is not its own neighbour
    nearest = np.argsort(D, axis=1)[:, :k]
    A = np.zeros((n, n), dtype=int)
    A[np.arange(n)[:, None], nearest] = 1
    return np.maximum(A, A.T)  # i ~ j when either is among the other's k nearest
