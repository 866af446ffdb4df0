import numpy as np


def fit_line(x, y):
    """Return (slope, intercept), as floats, of the least-squares line through the points (x, y)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    # Centre x first: with a large offset (x near 1e6) the normal equations of [1, x] lose
    # digits, while those of [1, x - mean] are perfectly conditioned (A.T @ A is diagonal).
    x_mean = x.mean()
    design = np.column_stack([np.ones_like(x), x - x_mean])
    centred_intercept, slope = np.linalg.solve(design.T @ design, design.T @ y)
    return float(slope), float(centred_intercept - slope * x_mean)
