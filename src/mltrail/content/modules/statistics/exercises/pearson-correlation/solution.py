import numpy as np


def correlation(x, y):
    """Return the Pearson correlation coefficient of x and y, as a float."""
    dx = np.asarray(x, dtype=float) - np.mean(x)
    dy = np.asarray(y, dtype=float) - np.mean(y)
    return float(dx @ dy / np.sqrt((dx @ dx) * (dy @ dy)))
