# Mistake: orders the classes by their first appearance in y, not by label.
import numpy as np


def class_means(X, y):
    X = np.asarray(X, dtype=float)
    labels = list(dict.fromkeys(np.asarray(y).tolist()))
    return np.array([X[np.asarray(y) == label].mean(axis=0) for label in labels])
