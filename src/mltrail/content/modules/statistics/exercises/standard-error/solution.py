import math


def mean_and_standard_error(losses):
    """Return (mean, standard error of the mean) of losses, as a tuple of two floats."""
    n = len(losses)
    mean = math.fsum(losses) / n
    variance = math.fsum((v - mean) ** 2 for v in losses) / (n - 1)
    return float(mean), math.sqrt(variance / n)
