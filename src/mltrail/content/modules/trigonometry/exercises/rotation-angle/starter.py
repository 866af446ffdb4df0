import math


def rotation_angle(R):
    """Return the angle in (-pi, pi] of the 2 x 2 rotation matrix R = [[cos, -sin], [sin, cos]]."""
    # Both the cosine and the sine are in the first column; use them together.
    ...
