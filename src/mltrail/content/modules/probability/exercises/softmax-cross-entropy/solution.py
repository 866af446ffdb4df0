import math


def cross_entropy_loss(logits, labels):
    """Return the mean softmax cross-entropy of the labels given the logits, in nats."""
    losses = []
    for z, y in zip(logits, labels):
        m = max(z)
        log_sum_exp = m + math.log(math.fsum(math.exp(v - m) for v in z))
        losses.append(log_sum_exp - z[y])
    return float(math.fsum(losses) / len(losses))
