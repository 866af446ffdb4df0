# Mistake: tests only the weights' part of the gradient, forgetting the intercept's, so it may stop while b is still moving.
import numpy as np


def linear_regression_gd(X, y, learning_rate, tol):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, d = X.shape
    b, w = 0.0, np.zeros(d)
    while True:
        r = b + X @ w - y
        g_b, g_w = 2 * r.mean(), 2 * X.T @ r / n
        if np.sqrt(g_w @ g_w) <= tol:
            return float(b), w
        b -= learning_rate * g_b
        w = w - learning_rate * g_w
