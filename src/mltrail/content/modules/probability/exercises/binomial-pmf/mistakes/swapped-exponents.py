# Mistake: raises p to the number of failures and 1 - p to the number of successes.
import math


def binomial_pmf(k, n, p):
    return math.comb(n, k) * p ** (n - k) * (1 - p) ** k
