# Mistake: uses the sample standard deviation (ddof=1) instead of the population one.
import numpy as np


def standardize_columns(X):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    std = X.std(axis=0, ddof=1)
    std = np.where((std == 0) | np.isnan(std), 1.0, std)
    return (X - mean) / std
