import numpy as np


def standardize(train, test):
    """Return the z-scores of the test values, using the mean and the population std of train."""
    train = np.asarray(train, dtype=float)
    mean = train.mean()
    std = np.sqrt(np.mean((train - mean) ** 2))
    return [float(v) for v in (np.asarray(test, dtype=float) - mean) / std]
