# Mistake: writes the tanh derivative as 1 - A**2, squaring the pre-activation instead of tanh(A).
import numpy as np


def two_layer_gradients(X, labels, W1, b1, W2, b2):
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
    n = X.shape[0]
    A = X @ W1 + b1
    H = np.tanh(A)
    Z = H @ W2 + b2
    P = np.exp(Z - Z.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    G = P.copy()
    G[np.arange(n), labels] -= 1.0
    G /= n
    dA = (G @ W2.T) * (1.0 - A**2)
    return {"W1": (X.T @ dA).tolist(), "b1": dA.sum(axis=0).tolist(),
            "W2": (H.T @ G).tolist(), "b2": G.sum(axis=0).tolist()}
