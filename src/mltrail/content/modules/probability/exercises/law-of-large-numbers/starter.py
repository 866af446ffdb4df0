import numpy as np


def running_means(sides, n_rolls, seed):
    """Return the running means of n_rolls rolls of a fair die with faces 1..sides."""
    # rng = np.random.default_rng(seed); draw the rolls, then the mean of the first k
    # rolls for k = 1, 2, ..., n_rolls.
    ...
