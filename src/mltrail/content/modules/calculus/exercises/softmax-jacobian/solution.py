import numpy as np


def softmax_jacobian(z):
    """Return the K x K Jacobian of softmax at z: entry (i, j) is d s_i / d z_j."""
    z = np.asarray(z, dtype=float)
    s = np.exp(z - z.max())
    s /= s.sum()
    return np.diag(s) - np.outer(s, s)
