# Mistake: uses < tol instead of <= tol, so a mismatch exactly equal to tol (or tol = 0) fails.
import numpy as np


def is_symmetric(a, tol):
    if a.shape[0] != a.shape[1]:
        return False
    return bool(np.all(np.abs(a - a.T) < tol))
