# Mistake: resamples WITHOUT replacement (a shuffle), so every resample has the same mean.
import numpy as np


def bootstrap_ci(values, confidence, n_resamples, seed):
    data = np.asarray(values, dtype=float)
    rng = np.random.default_rng(seed)
    means = np.array([rng.permutation(data).mean() for _ in range(n_resamples)])
    low, high = np.quantile(means, [(1 - confidence) / 2, (1 + confidence) / 2])
    return float(low), float(high)
