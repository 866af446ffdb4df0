import math


def lp_norm(v, p):
    """Return the p-norm of the list v (p >= 1, or p = float("inf")) as a float."""
    largest = max(abs(x) for x in v)
    if math.isinf(p) or largest == 0.0:
        return float(largest)
    # Scale by the largest |entry| first: every ratio is <= 1, so |x| ** p can neither
    # overflow (p = 700, or entries near 1e200) nor underflow to 0 for every entry.
    total = sum((abs(x) / largest) ** p for x in v)
    return float(largest * total ** (1.0 / p))
