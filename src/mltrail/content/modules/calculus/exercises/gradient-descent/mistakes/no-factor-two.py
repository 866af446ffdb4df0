# Mistake: uses X.T @ (X w - y) / n as the gradient, dropping the 2 that comes from differentiating the square.
import numpy as np


def gradient_descent(X, y, learning_rate, steps):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    for _ in range(steps):
        w = w - learning_rate * (X.T @ (X @ w - y)) / n
    return w.tolist()
