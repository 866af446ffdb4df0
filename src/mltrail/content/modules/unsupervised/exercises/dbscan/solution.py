import numpy as np


def dbscan(X, eps, min_samples):
    """DBSCAN labels: clusters numbered from 0, noise -1."""
    X = np.asarray(X, dtype=float)
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    neighbours = [np.flatnonzero(row <= eps) for row in D]  # itself included
    core = np.array([len(nb) >= min_samples for nb in neighbours])
    labels = [-1] * len(X)
    cluster = 0
    for i in range(len(X)):
        if not core[i] or labels[i] != -1:
            continue
        labels[i] = cluster
        stack = [i]
        while stack:
            p = stack.pop()
            for q in neighbours[p]:
                if labels[q] == -1:
                    labels[q] = cluster
                    if core[q]:
                        stack.append(int(q))
        cluster += 1
    return labels
