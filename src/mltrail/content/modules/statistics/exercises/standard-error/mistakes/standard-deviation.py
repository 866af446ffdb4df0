# Mistake: returns the standard deviation of the losses instead of the standard error of their mean.
import math


def mean_and_standard_error(losses):
    n = len(losses)
    mean = sum(losses) / n
    return mean, math.sqrt(sum((v - mean) ** 2 for v in losses) / (n - 1))
