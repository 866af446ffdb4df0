# Mistake: returns the absolute error norm(numeric - grad) instead of dividing by norm(numeric) + norm(grad).
import numpy as np


def gradient_check(X, y, w, grad):
    X, y, w, grad = (np.asarray(a, dtype=float) for a in (X, y, w, grad))
    loss = lambda v: np.mean((X @ v - y) ** 2)
    h = 1e-4
    numeric = np.array([(loss(w + h * e) - loss(w - h * e)) / (2 * h) for e in np.eye(len(w))])
    return float(np.linalg.norm(numeric - grad))
