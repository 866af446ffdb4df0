# Mistake: computes every rho_j from the weights of the previous sweep (a Jacobi update), not from the newest ones.
import numpy as np


def lasso_coordinate_descent(X, y, alpha, sweeps):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    norms = (X**2).sum(axis=0) / n
    for _ in range(sweeps):
        rho = X.T @ (y - X @ w) / n + norms * w
        w = np.sign(rho) * np.maximum(np.abs(rho) - alpha, 0.0) / norms
    return w
