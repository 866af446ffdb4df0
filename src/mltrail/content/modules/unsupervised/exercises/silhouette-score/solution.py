import numpy as np


def silhouette(X, labels):
    """The mean silhouette coefficient of the clustering `labels` of the rows of X."""
    X = np.asarray(X, dtype=float)
    labels = np.asarray(labels)
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    clusters = np.unique(labels)
    scores = np.zeros(len(X))
    for i in range(len(X)):
        same = labels == labels[i]
        size = int(same.sum())
        if size == 1:
            continue  # a point alone in its cluster scores 0
        a = D[i, same].sum() / (size - 1)
        b = min(D[i, labels == c].mean() for c in clusters if c != labels[i])
        scores[i] = (b - a) / max(a, b)
    return float(scores.mean())
