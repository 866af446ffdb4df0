# Mistake: no special case for a constant array, so 0 / 0 fills the result with NaN.
import numpy as np


def min_max_scale(x, feature_range):
    lo, hi = feature_range
    x = np.asarray(x, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return lo + (x - x.min()) / (x.max() - x.min()) * (hi - lo)
