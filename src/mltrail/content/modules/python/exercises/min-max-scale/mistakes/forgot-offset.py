# Mistake: multiplies by hi but forgets to add lo, which is only right when lo is 0.
import numpy as np


def min_max_scale(x, feature_range):
    lo, hi = feature_range
    x = np.asarray(x, dtype=float)
    if x.max() == x.min():
        return np.full(x.shape, lo, dtype=float)
    return (x - x.min()) / (x.max() - x.min()) * hi
