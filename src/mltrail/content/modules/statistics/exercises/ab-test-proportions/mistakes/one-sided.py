# Mistake: returns the one-sided p-value P(Z >= |z|) instead of the two-sided one.
import math

from scipy.stats import norm


def ab_test(conversions_a, visitors_a, conversions_b, visitors_b):
    ra, rb = conversions_a / visitors_a, conversions_b / visitors_b
    pooled = (conversions_a + conversions_b) / (visitors_a + visitors_b)
    z = (rb - ra) / math.sqrt(pooled * (1 - pooled) * (1 / visitors_a + 1 / visitors_b))
    return z, float(norm.sf(abs(z)))
