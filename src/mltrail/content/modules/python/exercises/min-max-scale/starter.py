import numpy as np


def min_max_scale(x, feature_range):
    """Return x scaled linearly so that its minimum becomes lo and its maximum hi,
    where (lo, hi) = feature_range; a constant array becomes all lo.
    """
    # lo, hi = feature_range; map x to [0, 1] with its min and max, then to [lo, hi].
    ...
