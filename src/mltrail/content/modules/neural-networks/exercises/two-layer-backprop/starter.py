import numpy as np


def two_layer_gradients(X, labels, W1, b1, W2, b2):
    """Gradients of the mean softmax cross-entropy of tanh(X W1 + b1) W2 + b2 w.r.t. W1, b1, W2, b2."""
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
    # Forward: A = X W1 + b1, H = tanh(A), Z = H W2 + b2, P = softmax of each row of Z.
    # Backward: dL/dZ, then W2 and b2, then back through tanh to W1 and b1.
    return {"W1": None, "b1": None, "W2": None, "b2": None}
