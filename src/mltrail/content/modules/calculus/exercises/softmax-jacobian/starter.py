import numpy as np


def softmax_jacobian(z):
    """Return the K x K Jacobian of softmax at z: entry (i, j) is d s_i / d z_j."""
    # 1. s = softmax(z), computed after subtracting max(z).
    # 2. Work out d s_i / d z_j with the quotient rule, for i == j and for i != j.
    ...
