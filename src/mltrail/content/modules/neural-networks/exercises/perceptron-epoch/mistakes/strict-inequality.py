# Mistake: updates only when y * (w . x + b) < 0, so points on the boundary (such as every point when w = 0) never trigger an update.
import numpy as np


def perceptron_epoch(X, y, w, b, lr):
    w = np.asarray(w, dtype=float).copy()
    b = float(b)
    for x_i, y_i in zip(np.asarray(X, dtype=float), y):
        if y_i * (x_i @ w + b) < 0:
            w += lr * y_i * x_i
            b += lr * y_i
    return w.tolist(), b
