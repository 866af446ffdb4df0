# Mistake: leaves out the column of ones, so the line is forced through the origin (intercept 0).
import numpy as np


def fit_line(x, y):
    slope = (x @ y) / (x @ x)
    return float(slope), 0.0
