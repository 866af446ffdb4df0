# Mistake: uses the normal quantile (1.96 for 95 %) instead of Student's t with n - 1 degrees of freedom.
import math

from scipy.stats import norm


def mean_confidence_interval(values, confidence):
    n = len(values)
    mean = sum(values) / n
    s = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    half = float(norm.ppf(0.5 + confidence / 2)) * s / math.sqrt(n)
    return mean - half, mean + half
