# Mistake: takes the p-value from the standard normal distribution instead of Student's t.
import math

from scipy.stats import norm


def t_test(values, mu0):
    n = len(values)
    mean = sum(values) / n
    s = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    stat = (mean - mu0) / (s / math.sqrt(n))
    return stat, float(2 * norm.sf(abs(stat)))
