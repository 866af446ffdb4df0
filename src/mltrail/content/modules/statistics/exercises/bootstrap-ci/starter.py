import numpy as np


def bootstrap_ci(values, confidence, n_resamples, seed):
    """Return (low, high), the percentile bootstrap confidence interval for the mean of values."""
    # Draw n_resamples resamples of size n with replacement (rng = np.random.default_rng(seed)),
    # take the mean of each, and read the quantiles (1 - confidence) / 2 and (1 + confidence) / 2.
    ...
