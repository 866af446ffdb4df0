# Mistake: divides a sample covariance (n - 1) by population standard deviations (n).
import numpy as np


def correlation(x, y):
    cov = np.sum((x - x.mean()) * (y - y.mean())) / (len(x) - 1)
    return float(cov / (np.std(x) * np.std(y)))
