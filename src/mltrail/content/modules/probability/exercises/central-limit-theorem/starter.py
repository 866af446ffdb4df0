import numpy as np


def standardised_means(rate, sample_size, n_repeats, seed):
    """Return n_repeats standardised means of sample_size exponential(rate) draws."""
    # rng = np.random.default_rng(seed); one row of sample_size draws per repeat;
    # standardise each row's mean with the true mean and standard deviation of the mean.
    ...
