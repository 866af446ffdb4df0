# Mistake: counts all n * n ordered pairs, including each point paired with itself.
import numpy as np


def rand_index(labels_a, labels_b):
    a, b = np.asarray(labels_a), np.asarray(labels_b)
    return float(((a[:, None] == a[None, :]) == (b[:, None] == b[None, :])).mean())
