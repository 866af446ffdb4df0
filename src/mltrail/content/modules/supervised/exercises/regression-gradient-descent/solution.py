import numpy as np


def linear_regression_gd(X, y, learning_rate, tol):
    """Gradient descent on the mean squared error from b = 0, w = 0, until the gradient norm <= tol."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    b, w = 0.0, np.zeros(d)
    while True:
        r = b + X @ w - y
        g_b = 2.0 * r.sum() / n
        g_w = 2.0 * (X.T @ r) / n
        if np.sqrt(g_b**2 + g_w @ g_w) <= tol:
            return float(b), w
        b -= learning_rate * g_b
        w = w - learning_rate * g_w
