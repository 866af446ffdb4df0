# Mistake: decides which points are mistakes with the starting w and b, then applies all their updates at once.
import numpy as np


def perceptron_epoch(X, y, w, b, lr):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.asarray(w, dtype=float)
    wrong = y * (X @ w + b) <= 0
    w = w + lr * (y[wrong, None] * X[wrong]).sum(axis=0)
    b = float(b) + lr * float(y[wrong].sum())
    return w.tolist(), b
