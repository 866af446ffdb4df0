# Mistake: ignores tol and demands exact equality with the transpose.
import numpy as np


def is_symmetric(a, tol):
    if a.shape[0] != a.shape[1]:
        return False
    return bool(np.array_equal(a, a.T))
