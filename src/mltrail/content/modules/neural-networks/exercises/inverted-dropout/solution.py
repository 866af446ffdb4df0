import numpy as np


def dropout_forward_backward(x, mask, p, grad_out):
    """Inverted dropout with a given 0/1 mask: (forward output, gradient with respect to x)."""
    scale = np.asarray(mask, dtype=float) / (1.0 - p)
    out = np.asarray(x, dtype=float) * scale
    grad_x = np.asarray(grad_out, dtype=float) * scale
    return out.tolist(), grad_x.tolist()
