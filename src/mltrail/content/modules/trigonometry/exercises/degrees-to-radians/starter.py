import math


def to_radians(degrees):
    """Return a new list with each angle of `degrees` converted to radians (floats)."""
    # One degree is math.pi / 180 radians: convert every angle, keep the order.
    ...
