import numpy as np


def bootstrap_means(values, n_boot, seed):
    """The means of n_boot resamples (with replacement) of values, drawn from default_rng(seed)."""
    # rng = np.random.default_rng(seed); draw idx with rng.integers(0, n, size=(n_boot, n)).
    ...
