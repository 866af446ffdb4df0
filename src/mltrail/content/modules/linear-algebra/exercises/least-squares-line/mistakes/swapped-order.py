# Mistake: solves for w = (intercept, slope) with the ones column first, and returns w in that order.
import numpy as np


def fit_line(x, y):
    x_mean = x.mean()
    design = np.column_stack([np.ones_like(x), x - x_mean])
    c, slope = np.linalg.solve(design.T @ design, design.T @ y)
    return float(c - slope * x_mean), float(slope)
