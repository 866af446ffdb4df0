# Mistake: returns [cos, sin] instead of [sin, cos].
import math


def cyclical_encode(values, period):
    return [[math.cos(2 * math.pi * v / period), math.sin(2 * math.pi * v / period)] for v in values]
