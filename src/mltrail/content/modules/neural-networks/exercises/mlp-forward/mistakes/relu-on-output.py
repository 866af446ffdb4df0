# Mistake: applies ReLU to the output layer too, so no output can be negative.
import numpy as np


def mlp_forward(X, W1, b1, W2, b2):
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
    H = np.maximum(X @ W1 + b1, 0.0)
    return np.maximum(H @ W2 + b2, 0.0).tolist()
