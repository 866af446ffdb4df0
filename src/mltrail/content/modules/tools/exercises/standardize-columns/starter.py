import numpy as np


def standardize(X):
    """Each column of X minus its mean, divided by its population standard deviation."""
    # Compute the column means and standard deviations (axis=0) and let broadcasting do the rest.
    # Constant columns become zeros.
    ...
