# Mistake: takes the arc cosine of the raw dot product, without dividing by the lengths.
import math


def angle_between(u, v):
    dot = sum(x * y for x, y in zip(u, v))
    return math.acos(max(-1.0, min(1.0, dot)))
