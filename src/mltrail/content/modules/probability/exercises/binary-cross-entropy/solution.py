import math


def binary_cross_entropy(labels, logits):
    """Return the mean binary cross-entropy of the labels given the logits, in nats."""
    losses = [max(z, 0.0) + math.log1p(math.exp(-abs(z))) - y * z for y, z in zip(labels, logits)]
    return float(math.fsum(losses) / len(losses))
