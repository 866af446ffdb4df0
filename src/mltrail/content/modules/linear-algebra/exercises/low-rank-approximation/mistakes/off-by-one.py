# Mistake: keeps k + 1 singular values instead of k.
import numpy as np


def low_rank(a, k):
    u, s, vt = np.linalg.svd(a, full_matrices=False)
    return (u[:, :k + 1] * s[:k + 1]) @ vt[:k + 1, :]
