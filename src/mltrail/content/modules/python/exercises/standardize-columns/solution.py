import numpy as np


def standardize_columns(X):
    """Return a float array in which every column of the 2-D array X has mean 0 and
    population standard deviation 1; a constant column becomes all zeros.
    """
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    # Test constancy exactly (max == min): the computed std of a constant column can be
    # a tiny rounding error such as 1e-17 instead of 0.
    constant = X.max(axis=0) == X.min(axis=0)
    std = np.where(constant, 1.0, X.std(axis=0))
    return (X - mean) / std
