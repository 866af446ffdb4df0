# Mistake: counts the values strictly below x (bisect_left) and evaluates only at the values of a.
import bisect


def ks_statistic(a, b):
    a, b = sorted(a), sorted(b)
    return max(abs(bisect.bisect_left(a, x) / len(a) - bisect.bisect_left(b, x) / len(b)) for x in a)
