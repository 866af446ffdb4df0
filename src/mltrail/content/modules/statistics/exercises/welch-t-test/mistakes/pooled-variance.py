# Mistake: Student's pooled two-sample t-test (one common variance, df = na + nb - 2) instead of Welch's.
import math

from scipy.stats import t as student


def welch_t_test(a, b):
    na, nb = len(a), len(b)
    ma, mb = sum(a) / na, sum(b) / nb
    ss = sum((v - ma) ** 2 for v in a) + sum((v - mb) ** 2 for v in b)
    pooled = ss / (na + nb - 2)
    stat = (ma - mb) / math.sqrt(pooled * (1 / na + 1 / nb))
    return stat, float(2 * student.sf(abs(stat), na + nb - 2))
