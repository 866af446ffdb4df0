import math


def lp_norm(v, p):
    """Return the p-norm of the list v (p >= 1, or p = float("inf")) as a float."""
    if math.isinf(p):
        return float(max(abs(x) for x in v))
    return float(sum(abs(x) ** p for x in v) ** (1.0 / p))
