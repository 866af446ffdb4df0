# Mistake: multiplies the singular vectors back together but leaves out the singular values.
import numpy as np


def low_rank(a, k):
    u, s, vt = np.linalg.svd(a, full_matrices=False)
    return u[:, :k] @ vt[:k, :]
