# Mistake: uses math.atan(y / x), which loses the quadrant (and divides by zero when x is 0).
import math


def to_polar(x, y):
    if x == 0 and y == 0:
        return [0.0, 0.0]
    return [math.hypot(x, y), math.atan(y / x)]
