# Mistake: uses the population standard deviation (divide by n) inside the standard error.
import math


def mean_and_standard_error(losses):
    n = len(losses)
    mean = sum(losses) / n
    return mean, math.sqrt(sum((v - mean) ** 2 for v in losses) / n) / math.sqrt(n)
