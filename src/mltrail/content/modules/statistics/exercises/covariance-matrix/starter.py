import numpy as np


def covariance_matrix(X):
    """Return the d x d sample covariance matrix (divide by n - 1) of the rows of X."""
    # Centre each column (subtract its mean), then combine the centred columns two by two
    # and divide by n - 1.
    ...
