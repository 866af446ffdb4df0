# Mistake: divides every running total by n_rolls instead of by the number of rolls so far.
import numpy as np


def running_means(sides, n_rolls, seed):
    rolls = np.random.default_rng(seed).integers(1, sides + 1, size=n_rolls)
    return [float(v) for v in np.cumsum(rolls) / n_rolls]
