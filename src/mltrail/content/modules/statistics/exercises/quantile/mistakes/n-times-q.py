# Mistake: uses the position n * q instead of (n - 1) * q.
import math


def quantile(values, q):
    s = sorted(values)
    h = min(len(s) * q, len(s) - 1)
    lo = math.floor(h)
    hi = min(lo + 1, len(s) - 1)
    return float(s[lo] + (h - lo) * (s[hi] - s[lo]))
