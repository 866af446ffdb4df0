import numpy as np


def bootstrap_ci(values, confidence, n_resamples, seed):
    """Return (low, high), the percentile bootstrap confidence interval for the mean of values."""
    data = np.asarray(values, dtype=float)
    rng = np.random.default_rng(seed)
    indices = rng.integers(0, len(data), size=(n_resamples, len(data)))
    means = data[indices].mean(axis=1)
    low, high = np.quantile(means, [(1.0 - confidence) / 2.0, (1.0 + confidence) / 2.0])
    return float(low), float(high)
