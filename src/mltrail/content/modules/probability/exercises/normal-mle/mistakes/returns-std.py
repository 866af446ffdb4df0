# Mistake: returns the standard deviation instead of the variance.
import math


def normal_mle(values):
    n = len(values)
    mu = sum(values) / n
    return mu, math.sqrt(sum((x - mu) ** 2 for x in values) / n)
