import math


def count_selections(n, k, ordered, replacement):
    """Return the number of ways to pick k of n items, as an int."""
    if ordered:
        return n**k if replacement else math.perm(n, k)
    return math.comb(n + k - 1, k) if replacement else math.comb(n, k)
