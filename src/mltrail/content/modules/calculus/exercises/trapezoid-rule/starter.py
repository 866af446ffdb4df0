import math


def trapezoid(name, a, b, n):
    """Return the trapezoid-rule estimate of the integral of the named function over [a, b] with n panels."""
    # n panels of width h = (b - a) / n need n + 1 points; the two end points count half.
    ...
