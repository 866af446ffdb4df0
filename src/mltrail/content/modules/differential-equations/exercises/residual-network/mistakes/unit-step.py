# Mistake: leaves out the step size h = T / n, adding the full correction tanh(W x + b) in every block.
import numpy as np


def residual_network(X, W, b, T, n):
    X, W, b = np.asarray(X, dtype=float), np.asarray(W, dtype=float), np.asarray(b, dtype=float)
    for _ in range(n):
        X = X + np.tanh(X @ W.T + b)
    return X.tolist()
