# Mistake: returns the angle in degrees instead of radians.
import math


def angle_between(u, v):
    dot = sum(x * y for x, y in zip(u, v))
    c = dot / (math.sqrt(sum(x * x for x in u)) * math.sqrt(sum(y * y for y in v)))
    return math.degrees(math.acos(max(-1.0, min(1.0, c))))
