# Mistake: reads the position h in the list as given, without sorting it first.
import math


def quantile(values, q):
    h = (len(values) - 1) * q
    lo = math.floor(h)
    hi = min(lo + 1, len(values) - 1)
    return float(values[lo] + (h - lo) * (values[hi] - values[lo]))
