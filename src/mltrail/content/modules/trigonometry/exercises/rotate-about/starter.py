import math


def rotate_about(points, theta, center):
    """Return a new list of points [x, y]: each point rotated counter-clockwise by theta (radians)
    about center = [cx, cy]."""
    # Shift so the centre is at the origin, apply the rotation matrix, shift back.
    ...
