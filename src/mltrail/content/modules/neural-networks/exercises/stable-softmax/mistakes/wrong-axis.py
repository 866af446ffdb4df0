# Mistake: normalises each column (over the examples, axis 0) instead of each row.
import numpy as np


def softmax(logits):
    Z = np.asarray(logits, dtype=float)
    E = np.exp(Z - Z.max(axis=0, keepdims=True))
    return (E / E.sum(axis=0, keepdims=True)).tolist()
