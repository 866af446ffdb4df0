# Mistake: no special case for p = inf, so the formula gives (sum of 0s and infs) ** 0 = 1.0.
def lp_norm(v, p):
    return float(sum(abs(x) ** p for x in v) ** (1.0 / p))
