import math

from scipy.stats import norm


def sample_size(baseline, mde, alpha, power):
    """Return the visitors needed per group (an int, rounded up) to detect a lift of mde."""
    p1, p2 = baseline, baseline + mde
    z = float(norm.ppf(1.0 - alpha / 2.0)) + float(norm.ppf(power))
    return math.ceil(z**2 * (p1 * (1.0 - p1) + p2 * (1.0 - p2)) / mde**2)
