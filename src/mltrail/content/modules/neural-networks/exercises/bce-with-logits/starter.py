import numpy as np


def bce_with_logits(logits, targets):
    """Mean binary cross-entropy of sigmoid(logits) against targets, computed from the logits."""
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets, dtype=float)
    # Write -log(sigmoid(z)) and -log(1 - sigmoid(z)) in terms of z, then average.
    return 0.0
