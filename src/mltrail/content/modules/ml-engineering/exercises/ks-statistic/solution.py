import bisect


def ks_statistic(a, b):
    """Largest gap between the empirical distribution functions of a and b (ties counted together)."""
    a, b = sorted(a), sorted(b)
    na, nb = len(a), len(b)
    # both step functions are constant between pooled values, so the maximum is at one of them
    return max(abs(bisect.bisect_right(a, x) * nb - bisect.bisect_right(b, x) * na) for x in a + b) / (na * nb)
