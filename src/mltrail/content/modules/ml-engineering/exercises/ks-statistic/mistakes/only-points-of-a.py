# Mistake: evaluates the gap only at the values of a, missing a largest gap at a value of b.
import bisect


def ks_statistic(a, b):
    a, b = sorted(a), sorted(b)
    return max(abs(bisect.bisect_right(a, x) / len(a) - bisect.bisect_right(b, x) / len(b)) for x in a)
