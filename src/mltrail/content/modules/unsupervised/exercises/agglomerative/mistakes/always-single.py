# Mistake: ignores `linkage` and always uses the smallest distance (single linkage).
import numpy as np


def agglomerative(X, n_clusters, linkage):
    X = np.asarray(X, dtype=float)
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    clusters = [[i] for i in range(len(X))]
    while len(clusters) > n_clusters:
        d, a, b = min((D[np.ix_(A, B)].min(), a, a + 1 + j) for a, A in enumerate(clusters) for j, B in enumerate(clusters[a + 1:]))
        clusters[a] = clusters[a] + clusters.pop(b)
    labels = [0] * len(X)
    for name, members in enumerate(clusters):
        for i in members:
            labels[i] = name
    return labels
