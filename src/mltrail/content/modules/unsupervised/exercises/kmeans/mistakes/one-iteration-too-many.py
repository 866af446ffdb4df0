# Mistake: runs iterations + 1 iterations.
import numpy as np


def kmeans(X, init, iterations):
    X = np.asarray(X, dtype=float)
    C = np.array(init, dtype=float)
    for _ in range(iterations + 1):
        labels = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
        for j in range(len(C)):
            if (labels == j).any():
                C[j] = X[labels == j].mean(axis=0)
    labels = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    return C, labels.tolist(), float(((X - C[labels]) ** 2).sum())
