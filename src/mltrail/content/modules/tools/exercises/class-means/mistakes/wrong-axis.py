# Mistake: averages each selected row across its features (axis=1) instead of down the rows.
import numpy as np


def class_means(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    return [X[y == label].mean(axis=1).tolist() for label in np.unique(y)]
