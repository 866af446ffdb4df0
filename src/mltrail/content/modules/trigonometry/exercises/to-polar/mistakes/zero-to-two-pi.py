# Mistake: wraps the angle into [0, 2 pi) instead of (-pi, pi].
import math


def to_polar(x, y):
    return [math.hypot(x, y), math.atan2(y, x) % (2 * math.pi)]
