import numpy as np

REDUCE = {"single": np.min, "complete": np.max, "average": np.mean}


def agglomerative(X, n_clusters, linkage):
    """Cluster labels after merging the closest clusters until n_clusters remain."""
    X = np.asarray(X, dtype=float)
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    reduce = REDUCE[linkage]
    clusters = [[i] for i in range(len(X))]
    while len(clusters) > n_clusters:
        best = None
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                d = reduce(D[np.ix_(clusters[a], clusters[b])])
                if best is None or d < best[0]:
                    best = (d, a, b)
        _, a, b = best
        clusters[a] = clusters[a] + clusters[b]
        del clusters[b]
    labels = [0] * len(X)
    for name, members in enumerate(clusters):
        for i in members:
            labels[i] = name
    return labels
