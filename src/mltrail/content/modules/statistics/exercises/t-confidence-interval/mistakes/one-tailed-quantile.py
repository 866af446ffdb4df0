# Mistake: takes the quantile at `confidence` (one tail) instead of 1 - (1 - confidence) / 2.
import math

from scipy.stats import t


def mean_confidence_interval(values, confidence):
    n = len(values)
    mean = sum(values) / n
    s = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    half = float(t.ppf(confidence, n - 1)) * s / math.sqrt(n)
    return mean - half, mean + half
