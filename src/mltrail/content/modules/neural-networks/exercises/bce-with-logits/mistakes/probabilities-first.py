# Mistake: computes p = sigmoid(z) and then log(p) and log(1 - p), which gives inf or nan for large |z|.
import numpy as np


def bce_with_logits(logits, targets):
    z = np.asarray(logits, dtype=float)
    t = np.asarray(targets, dtype=float)
    p = 1.0 / (1.0 + np.exp(-z))
    return float(np.mean(-(t * np.log(p) + (1.0 - t) * np.log(1.0 - p))))
