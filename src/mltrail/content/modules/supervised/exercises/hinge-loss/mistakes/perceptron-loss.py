# Mistake: max(0, -margin) in place of max(0, 1 - margin): the perceptron's loss, which asks for no margin at all.
import numpy as np


def svm_objective(X, y, w, b, lam):
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    m = y * (X @ w + b)
    a = m < 0
    value = 0.5 * lam * (w @ w) + np.maximum(0.0, -m).mean()
    return float(value), lam * w - y[a] @ X[a] / len(y), float(-y[a].sum() / len(y))
