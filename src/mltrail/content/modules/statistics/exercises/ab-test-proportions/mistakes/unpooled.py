# Mistake: standard error from each group's own rate (unpooled) instead of the pooled rate.
import math

from scipy.stats import norm


def ab_test(conversions_a, visitors_a, conversions_b, visitors_b):
    ra, rb = conversions_a / visitors_a, conversions_b / visitors_b
    se = math.sqrt(ra * (1 - ra) / visitors_a + rb * (1 - rb) / visitors_b)
    if se == 0:
        return 0.0, 1.0
    z = (rb - ra) / se
    return z, float(2 * norm.sf(abs(z)))
