# Mistake: fits each feature with its own simple regression (slope cov / var) and adds them up, ignoring correlations.
import numpy as np


def fit_linear_regression(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    w = (Xc * yc[:, None]).sum(axis=0) / (Xc**2).sum(axis=0)
    return float(y.mean() - X.mean(axis=0) @ w), w
