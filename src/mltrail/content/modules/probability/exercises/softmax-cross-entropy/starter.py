import math


def cross_entropy_loss(logits, labels):
    """Return the mean softmax cross-entropy of the labels given the logits, in nats."""
    # Per example: log-sum-exp of the logits (subtract the largest first) minus the
    # logit of the true class. Then average.
    ...
