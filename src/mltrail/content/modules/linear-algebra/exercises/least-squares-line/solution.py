import numpy as np


def fit_line(x, y):
    """Return (slope, intercept), as floats, of the least-squares line through the points (x, y)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    design = np.column_stack([x, np.ones_like(x)])
    slope, intercept = np.linalg.solve(design.T @ design, design.T @ y)
    return float(slope), float(intercept)
