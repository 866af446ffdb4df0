# Mistake: standardises each row (axis=1) instead of each column.
import numpy as np


def standardize(X):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=1, keepdims=True)
    std = X.std(axis=1, keepdims=True)
    return np.where(std == 0, 0.0, (X - mean) / np.where(std == 0, 1.0, std))
