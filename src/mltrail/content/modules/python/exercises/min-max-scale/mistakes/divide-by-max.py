# Mistake: divides by the maximum instead of subtracting the minimum and dividing by the range.
import numpy as np


def min_max_scale(x, feature_range):
    lo, hi = feature_range
    x = np.asarray(x, dtype=float)
    if x.max() == x.min():
        return np.full(x.shape, lo, dtype=float)
    return lo + x / x.max() * (hi - lo)
