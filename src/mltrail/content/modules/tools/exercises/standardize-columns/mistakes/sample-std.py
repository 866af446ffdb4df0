# Mistake: divides by the sample standard deviation (ddof=1) instead of the population one.
import numpy as np


def standardize(X):
    X = np.asarray(X, dtype=float)
    std = X.std(axis=0, ddof=1)
    constant = std == 0
    return np.where(constant, 0.0, (X - X.mean(axis=0)) / np.where(constant, 1.0, std))
