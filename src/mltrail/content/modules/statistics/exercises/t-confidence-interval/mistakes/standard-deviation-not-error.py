# Mistake: multiplies the t quantile by the standard deviation instead of the standard error s / sqrt(n).
import math

from scipy.stats import t


def mean_confidence_interval(values, confidence):
    n = len(values)
    mean = sum(values) / n
    s = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    half = float(t.ppf(0.5 + confidence / 2, n - 1)) * s
    return mean - half, mean + half
