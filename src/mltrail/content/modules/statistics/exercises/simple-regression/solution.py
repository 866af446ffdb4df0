import numpy as np


def simple_regression(x, y):
    """Return (slope, intercept, r_squared) of the least-squares line y ~ slope * x + intercept."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    dx = x - x.mean()
    dy = y - y.mean()
    slope = (dx @ dy) / (dx @ dx)
    intercept = y.mean() - slope * x.mean()
    residuals = dy - slope * dx
    r_squared = 1.0 - (residuals @ residuals) / (dy @ dy)
    return float(slope), float(intercept), float(r_squared)
