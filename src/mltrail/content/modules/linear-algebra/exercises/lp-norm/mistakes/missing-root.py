# Mistake: forgets the p-th root and returns the (scaled) sum of |x| ** p.
import math


def lp_norm(v, p):
    m = max(abs(x) for x in v)
    if math.isinf(p) or m == 0.0:
        return float(m)
    return float(m * sum((abs(x) / m) ** p for x in v))
