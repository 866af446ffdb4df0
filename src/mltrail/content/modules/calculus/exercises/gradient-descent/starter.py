import numpy as np


def gradient_descent(X, y, learning_rate, steps):
    """Run `steps` updates of gradient descent on the mean squared error from w = 0; return w."""
    # gradient = (2 / n) * X.T @ (X @ w - y); then w = w - learning_rate * gradient, `steps` times.
    ...
