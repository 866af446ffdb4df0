import numpy as np
from scipy.special import logsumexp


def kde_log_density(X_train, X_test, bandwidth):
    """log of the Gaussian kernel density estimate of X_train, at every row of X_test."""
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    n, d = X_train.shape
    h2 = float(bandwidth) ** 2
    squared = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)  # m x n
    log_p = logsumexp(-squared / (2 * h2), axis=1) - np.log(n) - d / 2 * np.log(2 * np.pi * h2)
    return [float(v) for v in log_p]
