import math

from scipy.stats import t as student


def t_test(values, mu0):
    """Return (t statistic, two-sided p-value) for the null hypothesis mean == mu0."""
    n = len(values)
    mean = math.fsum(values) / n
    s = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (n - 1))
    stat = (mean - mu0) / (s / math.sqrt(n))
    return float(stat), float(2.0 * student.sf(abs(stat), n - 1))
