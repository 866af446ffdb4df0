# Mistake: computes dW as G.T @ X (k x d), the transpose of the weight gradient.
import numpy as np


def linear_layer_gradients(X, W, b, Y):
    X, W, b, Y = (np.asarray(a, dtype=float) for a in (X, W, b, Y))
    G = 2.0 / X.shape[0] * (X @ W + b - Y)
    return (G.T @ X).tolist(), G.sum(axis=0).tolist()
