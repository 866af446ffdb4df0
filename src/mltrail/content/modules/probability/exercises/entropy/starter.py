import math


def entropy_bits(probs):
    """Return the entropy of the distribution probs, in bits."""
    # Sum -p * log2(p) over the outcomes; an outcome with p = 0 contributes 0.
    ...
