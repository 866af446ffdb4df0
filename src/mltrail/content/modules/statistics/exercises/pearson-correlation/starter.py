import numpy as np


def correlation(x, y):
    """Return the Pearson correlation coefficient of x and y, as a float."""
    # Centre x and y, then divide their covariance by the product of their standard
    # deviations (with the same divisor throughout).
    ...
