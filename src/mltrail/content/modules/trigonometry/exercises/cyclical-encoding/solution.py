import math


def cyclical_encode(values, period):
    """Return [[sin(2 pi v / period), cos(2 pi v / period)] for each v in values]."""
    encoded = []
    for v in values:
        angle = 2.0 * math.pi * v / period
        encoded.append([math.sin(angle), math.cos(angle)])
    return encoded
