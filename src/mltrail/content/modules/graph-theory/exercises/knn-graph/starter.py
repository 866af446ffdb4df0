import numpy as np


def knn_graph(X, k):
    """Return the symmetric 0/1 adjacency matrix of the k-nearest-neighbour graph of the rows of X."""
    X = np.asarray(X, dtype=float)
    n = X.shape[0]
    A = np.zeros((n, n), dtype=int)
    # Distances between all pairs; for each point, its k nearest OTHER points; then symmetrise.
    return A
