import math


def angle_between(u, v):
    """Return the angle in [0, pi] between the non-zero vectors u and v, in radians, as a float."""
    # Divide u . v by |u| |v| to get the cosine, keep it inside [-1, 1], then take math.acos.
    ...
