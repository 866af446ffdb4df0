import numpy as np


def is_symmetric(a, tol):
    """Return True if the 2-D array a is square and |a[i, j] - a[j, i]| <= tol everywhere."""
    rows, cols = a.shape
    if rows != cols:
        return False
    return bool(np.all(np.abs(a - a.T) <= tol))
