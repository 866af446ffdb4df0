import math


def rotate_about(points, theta, center):
    """Return a new list of points [x, y]: each point rotated counter-clockwise by theta (radians)
    about center = [cx, cy]."""
    c, s = math.cos(theta), math.sin(theta)
    cx, cy = float(center[0]), float(center[1])
    rotated = []
    for x, y in points:
        dx, dy = float(x) - cx, float(y) - cy
        rotated.append([cx + dx * c - dy * s, cy + dx * s + dy * c])
    return rotated
