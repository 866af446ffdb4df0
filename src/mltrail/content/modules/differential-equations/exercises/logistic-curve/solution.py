import math


def logistic_curve(r, K, y0, ts):
    """The exact solution of y' = r y (1 - y / K), y(0) = y0, at each time in ts."""
    return [K * y0 / (y0 + (K - y0) * math.exp(-r * t)) for t in ts]
