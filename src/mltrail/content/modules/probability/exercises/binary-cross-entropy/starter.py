import math


def binary_cross_entropy(labels, logits):
    """Return the mean binary cross-entropy of the labels given the logits, in nats."""
    # Per example: log(1 + exp(z)) - y * z, with log(1 + exp(z)) computed without overflow.
    ...
