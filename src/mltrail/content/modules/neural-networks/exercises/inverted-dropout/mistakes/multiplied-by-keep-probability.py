# Mistake: multiplies the kept values by 1 - p instead of dividing by it.
import numpy as np


def dropout_forward_backward(x, mask, p, grad_out):
    scale = np.asarray(mask, dtype=float) * (1.0 - p)
    return (np.asarray(x, dtype=float) * scale).tolist(), (np.asarray(grad_out, dtype=float) * scale).tolist()
