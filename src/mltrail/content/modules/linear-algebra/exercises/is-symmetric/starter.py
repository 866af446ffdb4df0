import numpy as np


def is_symmetric(a, tol):
    """Return True if the 2-D array a is square and |a[i, j] - a[j, i]| <= tol everywhere."""
    # Reject non-square shapes first, then compare a with a.T. Return a Python bool.
    ...
