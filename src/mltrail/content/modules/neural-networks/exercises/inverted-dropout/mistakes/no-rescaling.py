# Mistake: applies the mask but does not divide by 1 - p (plain, not inverted, dropout).
import numpy as np


def dropout_forward_backward(x, mask, p, grad_out):
    m = np.asarray(mask, dtype=float)
    return (np.asarray(x, dtype=float) * m).tolist(), (np.asarray(grad_out, dtype=float) * m).tolist()
