import math

from scipy.stats import norm


def sample_size(baseline, mde, alpha, power):
    """Return the visitors needed per group (an int, rounded up) to detect a lift of mde."""
    # Combine the quantiles for 1 - alpha / 2 and for power with the variances of
    # both rates, divide by mde squared, and round up.
    ...
