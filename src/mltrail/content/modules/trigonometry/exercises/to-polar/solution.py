import math


def to_polar(x, y):
    """Return [r, theta] for the point (x, y), with theta in (-pi, pi] radians; [0.0, 0.0] for the origin."""
    x, y = float(x), float(y)
    if x == 0.0 and y == 0.0:
        return [0.0, 0.0]
    theta = math.atan2(y, x)
    if theta == -math.pi:  # only reached for y == -0.0 on the negative x-axis
        theta = math.pi
    return [math.hypot(x, y), theta]
