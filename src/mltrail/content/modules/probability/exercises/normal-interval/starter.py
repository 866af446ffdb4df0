import math


def normal_probability(low, high, mean, std):
    """Return P(low < X < high) for X normal with this mean and standard deviation."""
    # Standardise both ends, then use the standard normal CDF, built from math.erf.
    ...
