# Mistake: treats rows as the variables (np.cov's default), giving an n x n matrix.
import numpy as np


def covariance_matrix(X):
    return np.cov(np.asarray(X, dtype=float))
