import math


def circle_points(n, radius, start):
    """Return n points [x, y] equally spaced counter-clockwise on a circle of the given radius,
    the first at angle `start` (radians)."""
    # Split the full turn into n equal steps; point k is at angle start + k * step.
    ...
