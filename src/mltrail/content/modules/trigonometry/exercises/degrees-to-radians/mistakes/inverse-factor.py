# Mistake: multiplies by 180 / pi (the radians-to-degrees factor) instead of pi / 180.
import math


def to_radians(degrees):
    return [d * 180.0 / math.pi for d in degrees]
