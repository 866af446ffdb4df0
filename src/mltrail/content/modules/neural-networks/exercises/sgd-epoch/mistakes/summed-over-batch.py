# Mistake: uses the gradient of the summed squared error, without dividing by the batch size.
import numpy as np


def sgd_epoch(X, y, w, b, lr, batches):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    w = np.array(w, dtype=float)
    b = float(b)
    for batch in batches:
        rows = np.asarray(batch, dtype=int)
        r = X[rows] @ w + b - y[rows]
        w = w - lr * 2.0 * (X[rows].T @ r)
        b = b - lr * 2.0 * float(r.sum())
    return w.tolist(), b
