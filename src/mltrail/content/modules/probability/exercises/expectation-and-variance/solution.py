import math


def mean_and_variance(values, probs):
    """Return (E[X], Var(X)) for X taking values[i] with probability probs[i]."""
    mean = math.fsum(p * x for x, p in zip(values, probs))
    variance = math.fsum(p * (x - mean) ** 2 for x, p in zip(values, probs))
    return float(mean), float(variance)
