import math


def lp_norm(v, p):
    """Return the p-norm of the list v (p >= 1, or p = float("inf")) as a float."""
    # p = inf: the largest absolute value m. Otherwise: m * (sum of (|x| / m) ** p) ** (1 / p),
    # which is (sum of |x| ** p) ** (1 / p) computed without overflow.
    ...
