import numpy as np


def fit_transform(X):
    # The baseline: every wine in one cluster. Replace it with a real clustering.
    return np.zeros(len(X), dtype=int)
