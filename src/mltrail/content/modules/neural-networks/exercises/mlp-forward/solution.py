import numpy as np


def mlp_forward(X, W1, b1, W2, b2):
    """Outputs of ReLU(X W1 + b1) W2 + b2 for a batch X."""
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
    H = np.maximum(X @ W1 + b1, 0.0)
    return (H @ W2 + b2).tolist()
