import numpy as np


def permutation_test(a, b, n_permutations, seed):
    """Return the two-sided permutation p-value for the difference of the means of a and b."""
    # Pool a and b; shuffle n_permutations times (rng = np.random.default_rng(seed)),
    # relabel the first len(a) values as group a, and count splits at least as extreme as
    # the observed difference (in absolute value). Then p = (count + 1) / (n_permutations + 1).
    ...
