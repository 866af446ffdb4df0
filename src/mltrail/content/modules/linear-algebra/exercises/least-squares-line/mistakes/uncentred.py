# Mistake: solves the normal equations of [1, x] without centring x, which loses many digits when x is far from 0.
import numpy as np


def fit_line(x, y):
    design = np.column_stack([np.ones_like(x), x])
    intercept, slope = np.linalg.solve(design.T @ design, design.T @ y)
    return float(slope), float(intercept)
