import math

from scipy.stats import t as student


def t_test(values, mu0):
    """Return (t statistic, two-sided p-value) for the null hypothesis mean == mu0."""
    # t = (mean - mu0) / (s / sqrt(n)) with the sample standard deviation s;
    # the p-value counts both tails of Student's t with n - 1 degrees of freedom.
    ...
