import math


def logistic_curve(r, K, y0, ts):
    """The exact solution of y' = r y (1 - y / K), y(0) = y0, at each time in ts."""
    # y(t) = K / (1 + A * exp(-r * t)); choose A so that y(0) = y0.
    return [K for t in ts]
