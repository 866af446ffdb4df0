# Mistake: stops one merge early, leaving n_clusters + 1 clusters.
import numpy as np


def agglomerative(X, n_clusters, linkage):
    X = np.asarray(X, dtype=float)
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    reduce = {"single": np.min, "complete": np.max, "average": np.mean}[linkage]
    clusters = [[i] for i in range(len(X))]
    while len(clusters) > n_clusters + 1:
        d, a, b = min((reduce(D[np.ix_(A, B)]), a, a + 1 + j) for a, A in enumerate(clusters) for j, B in enumerate(clusters[a + 1:]))
        clusters[a] = clusters[a] + clusters.pop(b)
    labels = [0] * len(X)
    for name, members in enumerate(clusters):
        for i in members:
            labels[i] = name
    return labels
