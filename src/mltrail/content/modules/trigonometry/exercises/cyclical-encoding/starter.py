import math


def cyclical_encode(values, period):
    """Return [[sin(2 pi v / period), cos(2 pi v / period)] for each v in values]."""
    # One period is a full turn of 2 * pi; give each value its sine and cosine, sine first.
    ...
