import math


def circle_points(n, radius, start):
    """Return n points [x, y] equally spaced counter-clockwise on a circle of the given radius,
    the first at angle `start` (radians)."""
    points = []
    for k in range(n):
        angle = start + 2.0 * math.pi * k / n
        points.append([float(radius * math.cos(angle)), float(radius * math.sin(angle))])
    return points
