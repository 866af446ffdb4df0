# Mistake: standardises the caller's array in place.
import numpy as np


def standardize_columns(X):
    X = np.asarray(X, dtype=float)  # no copy when X is already a float array
    constant = X.max(axis=0) == X.min(axis=0)
    std = np.where(constant, 1.0, X.std(axis=0))
    X -= X.mean(axis=0)  # changes the caller's array
    X /= std
    return X
