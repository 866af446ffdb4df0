# Mistake: counts only shuffles with a difference at least as large in the observed direction (one-sided).
import numpy as np


def permutation_test(a, b, n_permutations, seed):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    pooled, na = np.concatenate([a, b]), len(a)
    observed = a.mean() - b.mean()
    rng = np.random.default_rng(seed)
    count = 0
    for _ in range(n_permutations):
        rng.shuffle(pooled)
        count += pooled[:na].mean() - pooled[na:].mean() >= observed - 1e-12
    return (count + 1) / (n_permutations + 1)
