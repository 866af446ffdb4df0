# Mistake: lists the classes in the order they first appear in y, not in increasing order.
import numpy as np


def class_centroids(X, y):
    X = np.asarray(X, dtype=float)
    order = list(dict.fromkeys(y))
    return [X[np.asarray(y) == c].mean(axis=0).tolist() for c in order]
