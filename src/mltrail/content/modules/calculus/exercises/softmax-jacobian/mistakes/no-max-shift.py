# Mistake: computes softmax as exp(z) / sum(exp(z)) without subtracting max(z): overflow gives nan for large logits.
import numpy as np


def softmax_jacobian(z):
    z = np.asarray(z, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        e = np.exp(z)
        s = e / e.sum()
    return np.diag(s) - np.outer(s, s)
