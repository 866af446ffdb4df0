import numpy as np


def standardize_columns(X):
    """Return a float array in which every column of the 2-D array X has mean 0 and
    population standard deviation 1; a constant column becomes all zeros.
    """
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    std = X.std(axis=0)
    std = np.where(std == 0, 1.0, std)
    return (X - mean) / std
