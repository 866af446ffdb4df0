import numpy as np


def bootstrap_means(values, n_boot, seed):
    """The means of n_boot resamples (with replacement) of values, drawn from default_rng(seed)."""
    values = np.asarray(values, dtype=float)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(values), size=(n_boot, len(values)))  # one row per resample
    return values[idx].mean(axis=1)
