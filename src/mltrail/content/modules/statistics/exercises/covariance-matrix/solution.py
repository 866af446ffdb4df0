import numpy as np


def covariance_matrix(X):
    """Return the d x d sample covariance matrix (divide by n - 1) of the rows of X."""
    X = np.asarray(X, dtype=float)
    centred = X - X.mean(axis=0)
    return centred.T @ centred / (X.shape[0] - 1)
