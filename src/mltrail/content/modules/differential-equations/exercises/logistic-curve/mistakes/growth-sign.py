# Mistake: writes exp(+r t) in the denominator, so the curve runs backwards in time.
import math


def logistic_curve(r, K, y0, ts):
    return [K / (1 + (K - y0) / y0 * math.exp(r * t)) for t in ts]
