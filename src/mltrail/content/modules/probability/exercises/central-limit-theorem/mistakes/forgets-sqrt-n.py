# Mistake: standardises the mean with sigma instead of sigma / sqrt(n).
import numpy as np


def standardised_means(rate, sample_size, n_repeats, seed):
    draws = np.random.default_rng(seed).exponential(1.0 / rate, size=(n_repeats, sample_size))
    mu = sigma = 1.0 / rate
    return [float(v) for v in (draws.mean(axis=1) - mu) / sigma]
