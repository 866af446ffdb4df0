import math

from scipy.stats import norm


def ab_test(conversions_a, visitors_a, conversions_b, visitors_b):
    """Return (z, two-sided p-value) of the pooled two-proportion z-test for rate B - rate A."""
    rate_a = conversions_a / visitors_a
    rate_b = conversions_b / visitors_b
    pooled = (conversions_a + conversions_b) / (visitors_a + visitors_b)
    se = math.sqrt(pooled * (1.0 - pooled) * (1.0 / visitors_a + 1.0 / visitors_b))
    z = (rate_b - rate_a) / se
    return float(z), float(2.0 * norm.sf(abs(z)))
