# Mistake: computes every batch's gradient at the starting weights and applies them together, like one full-batch step.
import numpy as np


def sgd_epoch(X, y, w, b, lr, batches):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    w0 = np.array(w, dtype=float)
    b0 = float(b)
    w, b = w0.copy(), b0
    for batch in batches:
        rows = np.asarray(batch, dtype=int)
        r = X[rows] @ w0 + b0 - y[rows]
        w = w - lr * 2.0 / len(rows) * (X[rows].T @ r)
        b = b - lr * 2.0 / len(rows) * float(r.sum())
    return w.tolist(), b
