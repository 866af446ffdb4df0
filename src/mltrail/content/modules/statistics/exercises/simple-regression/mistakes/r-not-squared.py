# Mistake: returns the correlation r instead of R squared.
import numpy as np


def simple_regression(x, y):
    dx, dy = x - x.mean(), y - y.mean()
    slope = (dx @ dy) / (dx @ dx)
    r = (dx @ dy) / np.sqrt((dx @ dx) * (dy @ dy))
    return float(slope), float(y.mean() - slope * x.mean()), float(r)
