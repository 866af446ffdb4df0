import bisect


def ks_statistic(a, b):
    """Largest gap between the empirical distribution functions of a and b (ties counted together)."""
    # F(x) = share of the sample <= x; evaluate both at every value of a and b
    return 0.0
