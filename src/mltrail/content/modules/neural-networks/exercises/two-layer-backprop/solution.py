import numpy as np


def two_layer_gradients(X, labels, W1, b1, W2, b2):
    """Gradients of the mean softmax cross-entropy of tanh(X W1 + b1) W2 + b2 w.r.t. W1, b1, W2, b2."""
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
    labels = np.asarray(labels, dtype=int)
    n = X.shape[0]
    H = np.tanh(X @ W1 + b1)
    Z = H @ W2 + b2
    P = np.exp(Z - Z.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    G = P.copy()
    G[np.arange(n), labels] -= 1.0
    G /= n                                   # dL/dZ
    dA = (G @ W2.T) * (1.0 - H**2)           # dL/dA, through tanh
    return {"W1": (X.T @ dA).tolist(), "b1": dA.sum(axis=0).tolist(),
            "W2": (H.T @ G).tolist(), "b2": G.sum(axis=0).tolist()}
