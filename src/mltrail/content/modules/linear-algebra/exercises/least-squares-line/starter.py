import numpy as np


def fit_line(x, y):
    """Return (slope, intercept), as floats, of the least-squares line through the points (x, y)."""
    # Design matrix A = [x, 1]; solve the normal equations (A.T @ A) w = A.T @ y.
    ...
