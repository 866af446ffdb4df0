import math


def circular_mean(values, period):
    """Return the circular mean of values on a cycle of length period, as a float in [0, period)."""
    # Map each value to a point of the unit circle, average the points, take the direction
    # of the mean point with atan2, and convert it back to [0, period).
    ...
