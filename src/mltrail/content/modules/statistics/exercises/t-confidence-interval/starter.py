import math

from scipy.stats import t


def mean_confidence_interval(values, confidence):
    """Return (low, high), the t confidence interval for the mean of values."""
    # mean +/- (t quantile with n - 1 degrees of freedom) * (sample std / sqrt(n)).
    # The quantile leaves (1 - confidence) / 2 in each tail.
    ...
