# Mistake: forgets the absolute values, so negative entries cancel out instead of adding up.
import math


def lp_norm(v, p):
    m = max(abs(x) for x in v)
    if math.isinf(p):
        return float(max(v))
    if m == 0.0:
        return 0.0
    return m * sum((x / m) ** p for x in v) ** (1.0 / p)
