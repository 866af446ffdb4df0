# Mistake: computes sigmoid first and then its log; large logits give log(0).
import numpy as np


def binary_cross_entropy(labels, logits):
    y = np.asarray(labels, dtype=float)
    p = 1 / (1 + np.exp(-np.asarray(logits, dtype=float)))
    return float(np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p))))
