# Mistake: takes the quantiles of the data itself instead of the quantiles of the resampled means.
import numpy as np


def bootstrap_ci(values, confidence, n_resamples, seed):
    low, high = np.quantile(np.asarray(values, dtype=float), [(1 - confidence) / 2, (1 + confidence) / 2])
    return float(low), float(high)
