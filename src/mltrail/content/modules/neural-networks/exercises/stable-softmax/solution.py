import numpy as np


def softmax(logits):
    """Row-wise softmax, with each row's maximum subtracted first."""
    Z = np.asarray(logits, dtype=float)
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return (E / E.sum(axis=1, keepdims=True)).tolist()
