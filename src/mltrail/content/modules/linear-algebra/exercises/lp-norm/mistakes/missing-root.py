# Mistake: forgets the p-th root and returns the sum of |x| ** p.
import math


def lp_norm(v, p):
    if math.isinf(p):
        return float(max(abs(x) for x in v))
    return float(sum(abs(x) ** p for x in v))
