# Mistake: fits the weights without a column of ones and returns intercept 0: the line must pass through the origin.
import numpy as np


def fit_linear_regression(X, y):
    X = np.asarray(X, dtype=float)
    w = np.linalg.lstsq(X, np.asarray(y, dtype=float), rcond=None)[0]
    return 0.0, w
