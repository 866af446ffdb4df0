import numpy as np


def bce_with_logits(logits, targets):
    """Mean binary cross-entropy of sigmoid(logits) against targets, computed from the logits."""
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets, dtype=float)
    softplus = np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))  # log(1 + e^z) without overflow
    return float(np.mean(softplus - t * z))
