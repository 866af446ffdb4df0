import numpy as np


def class_means(X, y):
    """One row per distinct label of y (ascending): the mean of X's rows with that label."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    return np.array([X[y == label].mean(axis=0) for label in np.unique(y)])
