# Mistake: returns the angle in degrees.
import math


def to_polar(x, y):
    if x == 0 and y == 0:
        return [0.0, 0.0]
    return [math.hypot(x, y), math.degrees(math.atan2(y, x))]
