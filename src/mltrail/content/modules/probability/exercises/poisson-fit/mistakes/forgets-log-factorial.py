# Mistake: drops the log(k!) terms from the log-likelihood.
import math


def poisson_fit(counts):
    rate = sum(counts) / len(counts)
    return rate, sum(k * math.log(rate) - rate for k in counts)
