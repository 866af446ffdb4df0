import math


def to_polar(x, y):
    """Return [r, theta] for the point (x, y), with theta in (-pi, pi] radians; [0.0, 0.0] for the origin."""
    # r is the distance to the origin; theta must come out right in all four quadrants.
    ...
