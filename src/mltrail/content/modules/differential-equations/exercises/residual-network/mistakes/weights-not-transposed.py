# Mistake: computes X @ W for a batch of row vectors, which applies W transposed (W^T x) to each example.
import numpy as np


def residual_network(X, W, b, T, n):
    X, W, b = np.asarray(X, dtype=float), np.asarray(W, dtype=float), np.asarray(b, dtype=float)
    for _ in range(n):
        X = X + T / n * np.tanh(X @ W + b)
    return X.tolist()
