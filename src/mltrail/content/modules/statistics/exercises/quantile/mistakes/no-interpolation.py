# Mistake: takes the sorted value just below the position h instead of interpolating.
import math


def quantile(values, q):
    s = sorted(values)
    return float(s[math.floor((len(s) - 1) * q)])
