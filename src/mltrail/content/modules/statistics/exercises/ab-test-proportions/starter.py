import math

from scipy.stats import norm


def ab_test(conversions_a, visitors_a, conversions_b, visitors_b):
    """Return (z, two-sided p-value) of the pooled two-proportion z-test for rate B - rate A."""
    # Compare the two rates; the standard error uses the pooled rate of both groups.
    ...
