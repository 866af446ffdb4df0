# Mistake: divides by period - 1 (23 for hours 0..23), the largest value instead of the period.
import math


def cyclical_encode(values, period):
    return [[math.sin(2 * math.pi * v / (period - 1)), math.cos(2 * math.pi * v / (period - 1))] for v in values]
