import numpy as np


def gradient_descent(X, y, learning_rate, steps):
    """Run `steps` updates of gradient descent on the mean squared error from w = 0; return w."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    for _ in range(steps):
        w = w - learning_rate * (2.0 / n) * (X.T @ (X @ w - y))
    return [float(v) for v in w]
