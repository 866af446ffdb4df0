import math


def entropy_bits(probs):
    """Return the entropy of the distribution probs, in bits."""
    return float(-math.fsum(p * math.log2(p) for p in probs if p > 0) + 0.0)
