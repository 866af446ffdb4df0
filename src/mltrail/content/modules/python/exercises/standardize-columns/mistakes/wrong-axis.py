# Mistake: standardises each row (axis=1) instead of each column (axis=0).
import numpy as np


def standardize_columns(X):
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=1, keepdims=True)
    std = X.std(axis=1, keepdims=True)
    std = np.where(std == 0, 1.0, std)
    return (X - mean) / std
