# Mistake: counts unordered picks with replacement as C(n + k, k) instead of C(n + k - 1, k).
import math


def count_selections(n, k, ordered, replacement):
    if ordered:
        return n**k if replacement else math.perm(n, k)
    return math.comb(n + k, k) if replacement else math.comb(n, k)
