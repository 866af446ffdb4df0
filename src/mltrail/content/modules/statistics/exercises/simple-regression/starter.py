import numpy as np


def simple_regression(x, y):
    """Return (slope, intercept, r_squared) of the least-squares line y ~ slope * x + intercept."""
    # Centre x and y, compute the slope from the centred values, the intercept from the
    # means, and R squared from the residuals.
    ...
