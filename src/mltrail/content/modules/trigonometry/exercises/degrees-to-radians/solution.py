import math


def to_radians(degrees):
    """Return a new list with each angle of `degrees` converted to radians (floats)."""
    return [float(d) * math.pi / 180.0 for d in degrees]
