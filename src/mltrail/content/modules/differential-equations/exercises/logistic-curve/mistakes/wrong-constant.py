# Mistake: takes the constant A = K / y0 instead of (K - y0) / y0, so y(0) is not y0.
import math


def logistic_curve(r, K, y0, ts):
    return [K / (1 + K / y0 * math.exp(-r * t)) for t in ts]
