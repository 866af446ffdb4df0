# Mistake: raises |x| to the power p directly, which overflows for a large p or huge entries and underflows for tiny ones.
import math


def lp_norm(v, p):
    if math.isinf(p):
        return float(max(abs(x) for x in v))
    return float(sum(abs(x) ** p for x in v) ** (1.0 / p))
