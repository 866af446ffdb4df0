# Mistake: the gradient without the factor 2 of the square: it is half the true gradient, so the rule stops too early.
import numpy as np


def linear_regression_gd(X, y, learning_rate, tol):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, d = X.shape
    b, w = 0.0, np.zeros(d)
    while True:
        r = b + X @ w - y
        g_b, g_w = r.mean(), X.T @ r / n
        if np.sqrt(g_b**2 + g_w @ g_w) <= tol:
            return float(b), w
        b -= learning_rate * g_b
        w = w - learning_rate * g_w
