# Mistake: divides the co-variation by the spread of y instead of x (regresses x on y).
import numpy as np


def simple_regression(x, y):
    dx, dy = x - x.mean(), y - y.mean()
    slope = (dx @ dy) / (dy @ dy)
    intercept = y.mean() - slope * x.mean()
    residuals = dy - slope * dx
    return float(slope), float(intercept), float(1 - (residuals @ residuals) / (dy @ dy))
