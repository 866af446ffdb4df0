# Mistake: shuffles each group separately, which never moves a value to the other group.
import numpy as np


def permutation_test(a, b, n_permutations, seed):
    a, b = np.array(a, dtype=float), np.array(b, dtype=float)
    observed = abs(a.mean() - b.mean())
    rng = np.random.default_rng(seed)
    count = 0
    for _ in range(n_permutations):
        rng.shuffle(a)
        rng.shuffle(b)
        count += abs(a.mean() - b.mean()) >= observed - 1e-12
    return (count + 1) / (n_permutations + 1)
