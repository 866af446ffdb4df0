# Mistake: sums the loss and the gradient over the batch instead of averaging them.
import numpy as np


def softmax_cross_entropy(logits, labels):
    Z = np.asarray(logits, dtype=float)
    n = len(Z)
    shifted = Z - Z.max(axis=1, keepdims=True)
    E = np.exp(shifted)
    S = E / E.sum(axis=1, keepdims=True)
    S[np.arange(n), labels] -= 1.0
    loss = float(np.sum(np.log(E.sum(axis=1)) - shifted[np.arange(n), labels]))
    return loss, S.tolist()
