import numpy as np


def lasso_coordinate_descent(X, y, alpha, sweeps):
    """Cyclic coordinate descent for (1 / 2n) ||y - X w||^2 + alpha ||w||_1 from w = 0; return w."""
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    # sweeps times: for j in range(d): rho_j, then the soft threshold S(rho_j, alpha) / (x_j . x_j / n).
    return w
