# Mistake: forgets the absolute values, so negative entries cancel out instead of adding up.
import math


def lp_norm(v, p):
    if math.isinf(p):
        return float(max(v))
    return sum(x ** p for x in v) ** (1.0 / p)
