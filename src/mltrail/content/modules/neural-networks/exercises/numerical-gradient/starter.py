import numpy as np


def numerical_gradient_W1(X, labels, W1, b1, W2, b2, h):
    """Central differences of the mean cross-entropy with respect to each entry of W1."""
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
    # 1. A helper loss(W) running the forward pass with W in place of W1.
    # 2. For each entry of W1: (loss with entry + h) - (loss with entry - h), over 2 h.
    return np.zeros_like(W1)
