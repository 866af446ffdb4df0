import math


def quantile(values, q):
    """Return the q-quantile of values (linear interpolation between sorted values) as a float."""
    s = sorted(values)
    h = (len(s) - 1) * q
    lo = math.floor(h)
    hi = min(lo + 1, len(s) - 1)
    return float(s[lo] + (h - lo) * (s[hi] - s[lo]))
