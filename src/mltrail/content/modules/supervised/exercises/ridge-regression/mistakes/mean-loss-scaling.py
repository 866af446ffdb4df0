# Mistake: solves (Xc.T Xc / n + alpha I) w = Xc.T yc / n, the penalty for a MEAN squared error: alpha acts n times stronger.
import numpy as np


def ridge_regression(X, y, alpha):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, d = X.shape
    xm, ym = X.mean(axis=0), y.mean()
    Xc = X - xm
    w = np.linalg.solve(Xc.T @ Xc / n + alpha * np.eye(d), Xc.T @ (y - ym) / n)
    return float(ym - xm @ w), w
