import numpy as np


def mahalanobis_scores(X_train, X_test):
    """The Mahalanobis distance of each row of X_test from the mean and covariance of X_train."""
    # mu and C from X_train (np.cov divides by n - 1); then sqrt((x - mu)^T C^-1 (x - mu)) per row
    ...
