import numpy as np


def min_max_scale(x, feature_range):
    """Return x scaled linearly so that its minimum becomes lo and its maximum hi,
    where (lo, hi) = feature_range; a constant array becomes all lo.
    """
    lo, hi = feature_range
    x = np.asarray(x, dtype=float)
    x_min = x.min()
    x_max = x.max()
    if x_max == x_min:
        return np.full(x.shape, lo, dtype=float)
    return lo + (x - x_min) / (x_max - x_min) * (hi - lo)
