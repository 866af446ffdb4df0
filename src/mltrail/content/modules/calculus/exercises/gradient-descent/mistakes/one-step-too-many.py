# Mistake: runs steps + 1 updates (range(steps + 1)), one more than asked.
import numpy as np


def gradient_descent(X, y, learning_rate, steps):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    for _ in range(steps + 1):
        w = w - learning_rate * (2.0 / n) * (X.T @ (X @ w - y))
    return w.tolist()
