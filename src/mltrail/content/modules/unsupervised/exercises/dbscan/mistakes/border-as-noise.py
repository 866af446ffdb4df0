# Mistake: only core points join clusters; border points are left as noise.
import numpy as np


def dbscan(X, eps, min_samples):
    X = np.asarray(X, dtype=float)
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    neighbours = [np.flatnonzero(row <= eps) for row in D]
    core = np.array([len(nb) >= min_samples for nb in neighbours])
    labels = [-1] * len(X)
    cluster = 0
    for i in range(len(X)):
        if core[i] and labels[i] == -1:
            labels[i] = cluster
            stack = [i]
            while stack:
                p = stack.pop()
                for q in neighbours[p]:
                    if labels[q] == -1 and core[q]:
                        labels[q] = cluster
                        stack.append(int(q))
            cluster += 1
    return labels
