# Mistake: perturbs W1 in place and never restores the entry, so each later difference is taken at a shifted point.
import numpy as np


def numerical_gradient_W1(X, labels, W1, b1, W2, b2, h):
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
    labels = np.asarray(labels, dtype=int)
    rows = np.arange(X.shape[0])

    def loss(W):
        Z = np.tanh(X @ W + b1) @ W2 + b2
        top = Z.max(axis=1, keepdims=True)
        return float(np.mean(top[:, 0] + np.log(np.exp(Z - top).sum(axis=1)) - Z[rows, labels]))

    W = W1.copy()
    G = np.zeros_like(W1)
    for index in np.ndindex(*W.shape):
        W[index] += h
        up = loss(W)
        W[index] -= 2 * h
        down = loss(W)
        G[index] = (up - down) / (2.0 * h)  # the entry is left at w - h
    return G.tolist()
