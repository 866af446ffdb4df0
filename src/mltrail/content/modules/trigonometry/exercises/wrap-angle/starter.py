import math


def wrap_angle(theta):
    """Return the angle in (-pi, pi] that differs from theta by whole turns (2 * pi)."""
    # Remove whole turns, then correct the result into (-pi, pi]; -pi must become pi.
    ...
