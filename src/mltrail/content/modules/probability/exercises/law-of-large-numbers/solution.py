import numpy as np


def running_means(sides, n_rolls, seed):
    """Return the running means of n_rolls rolls of a fair die with faces 1..sides."""
    rng = np.random.default_rng(seed)
    rolls = rng.integers(1, sides + 1, size=n_rolls)
    return [float(v) for v in np.cumsum(rolls) / np.arange(1, n_rolls + 1)]
