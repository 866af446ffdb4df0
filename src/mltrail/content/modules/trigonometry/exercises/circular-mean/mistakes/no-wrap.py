# Mistake: converts the atan2 angle directly, so means in the second half of the cycle come out negative.
import math


def circular_mean(values, period):
    c = sum(math.cos(2 * math.pi * v / period) for v in values)
    s = sum(math.sin(2 * math.pi * v / period) for v in values)
    return math.atan2(s, c) * period / (2 * math.pi)
