# Mistake: returns the sample covariance without dividing by the standard deviations.
import numpy as np


def correlation(x, y):
    dx = x - x.mean()
    dy = y - y.mean()
    return float(dx @ dy / (len(x) - 1))
