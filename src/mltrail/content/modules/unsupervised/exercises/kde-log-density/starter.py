import numpy as np


def kde_log_density(X_train, X_test, bandwidth):
    """log of the Gaussian kernel density estimate of X_train, at every row of X_test."""
    # an m x n table of -||x - x_i||^2 / (2 h^2); log-sum-exp along each row; minus log n and
    # the normalising constant (d / 2) log(2 pi h^2).
    ...
