import math


def binomial_pmf(k, n, p):
    """Return P(K = k) for K ~ Binomial(n, p), as a float."""
    return float(math.comb(n, k) * p**k * (1.0 - p) ** (n - k))
