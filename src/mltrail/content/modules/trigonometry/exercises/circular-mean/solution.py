import math


def circular_mean(values, period):
    """Return the circular mean of values on a cycle of length period, as a float in [0, period)."""
    n = len(values)
    mean_cos = sum(math.cos(2.0 * math.pi * v / period) for v in values) / n
    mean_sin = sum(math.sin(2.0 * math.pi * v / period) for v in values) / n
    angle = math.atan2(mean_sin, mean_cos)
    if angle < 0.0:
        angle += 2.0 * math.pi
    result = angle * period / (2.0 * math.pi)
    if result >= period:  # angle just below 2 pi can round up to the period
        result -= period
    return float(result)
