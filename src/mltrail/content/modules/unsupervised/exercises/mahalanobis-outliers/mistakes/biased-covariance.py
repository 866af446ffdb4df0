# Mistake: the covariance divides by n instead of n - 1.
import numpy as np


def mahalanobis_scores(X_train, X_test):
    X_train, X_test = np.asarray(X_train, dtype=float), np.asarray(X_test, dtype=float)
    diff = X_test - X_train.mean(axis=0)
    C = np.atleast_2d(np.cov(X_train, rowvar=False, ddof=0))
    return np.sqrt((diff * np.linalg.solve(C, diff.T).T).sum(axis=1)).tolist()
