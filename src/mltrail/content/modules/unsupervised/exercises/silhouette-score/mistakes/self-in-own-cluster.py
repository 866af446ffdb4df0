# Mistake: a(i) divides by the size of the cluster, counting the point itself (distance 0).
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
        a = D[i, same].mean()
        b = min(D[i, labels == c].mean() for c in np.unique(labels) if c != labels[i])
        s.append((b - a) / max(a, b))
    return float(np.mean(s))
