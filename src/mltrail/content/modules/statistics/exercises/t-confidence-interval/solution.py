import math

from scipy.stats import t


def mean_confidence_interval(values, confidence):
    """Return (low, high), the t confidence interval for the mean of values."""
    n = len(values)
    mean = math.fsum(values) / n
    s = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (n - 1))
    half = float(t.ppf(0.5 + confidence / 2, n - 1)) * s / math.sqrt(n)
    return float(mean - half), float(mean + half)
