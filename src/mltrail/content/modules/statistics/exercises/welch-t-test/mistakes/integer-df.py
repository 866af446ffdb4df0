# Mistake: Welch's statistic, but with na + nb - 2 degrees of freedom instead of the Welch-Satterthwaite ones.
import math

from scipy.stats import t as student


def welch_t_test(a, b):
    na, nb = len(a), len(b)
    ma, mb = sum(a) / na, sum(b) / nb
    va = sum((v - ma) ** 2 for v in a) / (na - 1) / na
    vb = sum((v - mb) ** 2 for v in b) / (nb - 1) / nb
    stat = (ma - mb) / math.sqrt(va + vb)
    return stat, float(2 * student.sf(abs(stat), na + nb - 2))
