import math

from scipy.stats import t as student


def _mean_var(values):
    n = len(values)
    mean = math.fsum(values) / n
    return mean, math.fsum((v - mean) ** 2 for v in values) / (n - 1), n


def welch_t_test(a, b):
    """Return (t, two-sided p-value) of Welch's t-test for mean(a) - mean(b)."""
    mean_a, var_a, na = _mean_var(a)
    mean_b, var_b, nb = _mean_var(b)
    va, vb = var_a / na, var_b / nb
    stat = (mean_a - mean_b) / math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va**2 / (na - 1) + vb**2 / (nb - 1))
    return float(stat), float(2.0 * student.sf(abs(stat), df))
