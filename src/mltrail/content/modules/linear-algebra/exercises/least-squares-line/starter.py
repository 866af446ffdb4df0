import numpy as np


def fit_line(x, y):
    """Return (slope, intercept), as floats, of the least-squares line through the points (x, y)."""
    # Centre x (subtract its mean); design matrix A = [1, x - mean]; solve the normal equations
    # (A.T @ A) w = A.T @ y; turn the intercept at the mean back into the intercept at x = 0.
    ...
