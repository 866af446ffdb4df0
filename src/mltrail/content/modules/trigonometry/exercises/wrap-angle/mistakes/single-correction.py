# Mistake: adds or subtracts 2 pi only once, so angles beyond about 3 pi stay out of range.
import math


def wrap_angle(theta):
    if theta > math.pi:
        return theta - 2 * math.pi
    if theta <= -math.pi:
        return theta + 2 * math.pi
    return theta
