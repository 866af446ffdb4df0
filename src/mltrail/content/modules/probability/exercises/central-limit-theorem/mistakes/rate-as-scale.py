# Mistake: passes the rate to numpy's exponential, whose argument is the scale 1 / rate.
import numpy as np


def standardised_means(rate, sample_size, n_repeats, seed):
    draws = np.random.default_rng(seed).exponential(rate, size=(n_repeats, sample_size))
    mu = sigma = 1.0 / rate
    return [float(v) for v in (draws.mean(axis=1) - mu) / (sigma / np.sqrt(sample_size))]
