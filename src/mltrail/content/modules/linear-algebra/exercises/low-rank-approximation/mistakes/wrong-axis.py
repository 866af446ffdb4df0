# Mistake: takes the first k COLUMNS of vt instead of its first k rows.
import numpy as np


def low_rank(a, k):
    u, s, vt = np.linalg.svd(a, full_matrices=False)
    return (u[:, :k] * s[:k]) @ vt[:, :k].T
