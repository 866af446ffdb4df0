# Mistake: forgets the ReLU, so the network is one linear map (X W1 + b1) W2 + b2.
import numpy as np


def mlp_forward(X, W1, b1, W2, b2):
    X, W1, b1, W2, b2 = (np.asarray(a, dtype=float) for a in (X, W1, b1, W2, b2))
    return ((X @ W1 + b1) @ W2 + b2).tolist()
