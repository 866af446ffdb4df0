# Mistake: rescales the incoming gradient but forgets to mask it in the backward pass.
import numpy as np


def dropout_forward_backward(x, mask, p, grad_out):
    m = np.asarray(mask, dtype=float)
    out = np.asarray(x, dtype=float) * m / (1.0 - p)
    return out.tolist(), (np.asarray(grad_out, dtype=float) / (1.0 - p)).tolist()
