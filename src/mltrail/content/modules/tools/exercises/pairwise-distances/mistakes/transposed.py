# Mistake: puts B's rows first, returning the (m, n) table instead of (n, m).
import numpy as np


def pairwise_distances(A, B):
    diff = np.asarray(B, dtype=float)[:, None, :] - np.asarray(A, dtype=float)[None, :, :]
    return np.sqrt((diff**2).sum(axis=-1))
