# Mistake: draws the indices with shape (n, n_boot) and averages down the columns.
import numpy as np


def bootstrap_means(values, n_boot, seed):
    values = np.asarray(values, dtype=float)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(values), size=(len(values), n_boot))
    return values[idx].mean(axis=0)
