# Mistake: returns (one-hot - softmax) / n, the gradient with the wrong sign.
import numpy as np


def softmax_cross_entropy(logits, labels):
    Z = np.asarray(logits, dtype=float)
    n = len(Z)
    shifted = Z - Z.max(axis=1, keepdims=True)
    S = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    onehot = np.eye(Z.shape[1])[labels]
    loss = float(np.mean(np.log(np.exp(shifted).sum(axis=1)) - shifted[np.arange(n), labels]))
    return loss, ((onehot - S) / n).tolist()
