# Mistake: returns a one-sided p-value P(T >= |t|) instead of the two-sided one.
import math

from scipy.stats import t as student


def t_test(values, mu0):
    n = len(values)
    mean = sum(values) / n
    s = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    stat = (mean - mu0) / (s / math.sqrt(n))
    return stat, float(student.sf(abs(stat), n - 1))
