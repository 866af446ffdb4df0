# Mistake: uses the one-sided quantile norm.ppf(1 - alpha) instead of norm.ppf(1 - alpha / 2).
import math

from scipy.stats import norm


def sample_size(baseline, mde, alpha, power):
    p1, p2 = baseline, baseline + mde
    z = norm.ppf(1 - alpha) + norm.ppf(power)
    return math.ceil(z**2 * (p1 * (1 - p1) + p2 * (1 - p2)) / mde**2)
