import numpy as np


def rand_index(labels_a, labels_b):
    """The fraction of pairs of points on which two clusterings agree."""
    a = np.asarray(labels_a)
    b = np.asarray(labels_b)
    n = len(a)
    together_a = a[:, None] == a[None, :]
    together_b = b[:, None] == b[None, :]
    i, j = np.triu_indices(n, k=1)
    return float((together_a == together_b)[i, j].mean())
