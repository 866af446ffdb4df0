import numpy as np


def soft_threshold(rho, alpha):
    """The value of w minimising (w - rho)^2 / 2 + alpha |w|: rho moved toward 0 by alpha, or 0."""
    return np.sign(rho) * max(abs(rho) - alpha, 0.0)


def lasso_coordinate_descent(X, y, alpha, sweeps):
    """Cyclic coordinate descent for (1 / 2n) ||y - X w||^2 + alpha ||w||_1 from w = 0; return w."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    residual = y.copy()  # y - X w, kept up to date after each coordinate
    for _ in range(sweeps):
        for j in range(d):
            x = X[:, j]
            rho = x @ (residual + x * w[j]) / n  # correlation of x_j with the residual without feature j
            new = soft_threshold(rho, alpha) / (x @ x / n)
            residual += x * (w[j] - new)
            w[j] = new
    return w
