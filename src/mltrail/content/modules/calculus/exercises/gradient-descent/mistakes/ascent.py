# Mistake: adds the gradient (w + learning_rate * gradient): gradient ascent, the loss goes up.
import numpy as np


def gradient_descent(X, y, learning_rate, steps):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    for _ in range(steps):
        w = w + learning_rate * (2.0 / n) * (X.T @ (X @ w - y))
    return w.tolist()
