# Mistake: uses w_j = S(rho_j, alpha) without dividing by (1/n) x_j . x_j, as if every column had mean square 1.
import numpy as np


def lasso_coordinate_descent(X, y, alpha, sweeps):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    for _ in range(sweeps):
        for j in range(d):
            x = X[:, j]
            rho = x @ (y - X @ w + x * w[j]) / n
            w[j] = np.sign(rho) * max(abs(rho) - alpha, 0.0)
    return w
