# Mistake: b(i) is the mean distance to all points outside the cluster, not to the nearest cluster.
import numpy as np


def silhouette(X, labels):
    X, labels = np.asarray(X, dtype=float), np.asarray(labels)
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    s = []
    for i in range(len(X)):
        same = labels == labels[i]
        if same.sum() == 1:
            s.append(0.0)
            continue
        a = D[i, same].sum() / (same.sum() - 1)
        b = D[i, ~same].mean()
        s.append((b - a) / max(a, b))
    return float(np.mean(s))
