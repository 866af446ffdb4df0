# Mistake: updates w on a mistake but leaves the bias b unchanged.
import numpy as np


def perceptron_epoch(X, y, w, b, lr):
    w = np.asarray(w, dtype=float).copy()
    b = float(b)
    for x_i, y_i in zip(np.asarray(X, dtype=float), y):
        if y_i * (x_i @ w + b) <= 0:
            w += lr * y_i * x_i
    return w.tolist(), b
