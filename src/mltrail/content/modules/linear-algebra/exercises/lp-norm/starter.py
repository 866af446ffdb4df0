import math


def lp_norm(v, p):
    """Return the p-norm of the list v (p >= 1, or p = float("inf")) as a float."""
    # p = inf: the largest absolute value. Otherwise: (sum of |x| ** p) ** (1 / p).
    ...
