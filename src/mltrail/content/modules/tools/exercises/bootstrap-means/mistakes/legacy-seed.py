# Mistake: uses the legacy global generator (np.random.seed and np.random.randint).
import numpy as np


def bootstrap_means(values, n_boot, seed):
    values = np.asarray(values, dtype=float)
    np.random.seed(seed)
    idx = np.random.randint(0, len(values), size=(n_boot, len(values)))
    return values[idx].mean(axis=1)
