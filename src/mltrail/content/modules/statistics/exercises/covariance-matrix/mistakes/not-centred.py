# Mistake: forgets to centre the columns and returns X.T @ X / (n - 1).
import numpy as np


def covariance_matrix(X):
    X = np.asarray(X, dtype=float)
    return X.T @ X / (X.shape[0] - 1)
