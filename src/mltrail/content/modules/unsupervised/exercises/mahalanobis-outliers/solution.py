import numpy as np


def mahalanobis_scores(X_train, X_test):
    """The Mahalanobis distance of each row of X_test from the mean and covariance of X_train."""
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    diff = X_test - X_train.mean(axis=0)
    C = np.atleast_2d(np.cov(X_train, rowvar=False))
    squared = (diff * np.linalg.solve(C, diff.T).T).sum(axis=1)
    return [float(v) for v in np.sqrt(np.maximum(squared, 0.0))]
