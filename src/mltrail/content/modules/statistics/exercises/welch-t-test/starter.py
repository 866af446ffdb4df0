import math

from scipy.stats import t as student


def welch_t_test(a, b):
    """Return (t, two-sided p-value) of Welch's t-test for mean(a) - mean(b)."""
    # Squared standard error of each mean: sample variance / size. Add them for the
    # difference; the degrees of freedom follow the Welch-Satterthwaite formula.
    ...
