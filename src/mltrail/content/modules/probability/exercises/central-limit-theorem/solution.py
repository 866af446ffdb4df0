import numpy as np


def standardised_means(rate, sample_size, n_repeats, seed):
    """Return n_repeats standardised means of sample_size exponential(rate) draws."""
    rng = np.random.default_rng(seed)
    draws = rng.exponential(1.0 / rate, size=(n_repeats, sample_size))
    mu = sigma = 1.0 / rate
    z = (draws.mean(axis=1) - mu) / (sigma / np.sqrt(sample_size))
    return [float(v) for v in z]
