# Mistake: multiplies the probabilities and takes the log at the end; long lists underflow.
import math


def poisson_fit(counts):
    rate = sum(counts) / len(counts)
    likelihood = 1.0
    for k in counts:
        likelihood *= math.exp(-rate) * rate**k / math.gamma(k + 1)
    return rate, math.log(likelihood)
