import math


def sample_variance(values):
    """Return the sample variance (divide by n - 1) of values, as a float."""
    n = len(values)
    mean = math.fsum(values) / n
    return float(math.fsum((v - mean) ** 2 for v in values) / (n - 1))
