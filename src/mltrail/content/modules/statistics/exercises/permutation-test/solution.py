import numpy as np


def permutation_test(a, b, n_permutations, seed):
    """Return the two-sided permutation p-value for the difference of the means of a and b."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    pooled = np.concatenate([a, b])
    na = len(a)
    observed = abs(a.mean() - b.mean())
    rng = np.random.default_rng(seed)
    order = rng.permuted(np.tile(np.arange(len(pooled)), (n_permutations, 1)), axis=1)
    shuffled = pooled[order]
    diffs = np.abs(shuffled[:, :na].mean(axis=1) - shuffled[:, na:].mean(axis=1))
    count = int(np.sum(diffs >= observed - 1e-12 * (1.0 + observed)))
    return float((count + 1) / (n_permutations + 1))
