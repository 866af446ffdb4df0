# Mistake: rng.integers(1, sides) excludes its upper end, so the top face never comes up.
import numpy as np


def running_means(sides, n_rolls, seed):
    rolls = np.random.default_rng(seed).integers(1, sides, size=n_rolls)
    return [float(v) for v in np.cumsum(rolls) / np.arange(1, n_rolls + 1)]
