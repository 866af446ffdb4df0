import numpy as np


def pairwise_distances(A, B):
    """The (n, m) array of Euclidean distances between the rows of A and the rows of B."""
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    diff = A[:, np.newaxis, :] - B[np.newaxis, :, :]   # (n, 1, d) - (1, m, d) -> (n, m, d)
    return np.sqrt((diff**2).sum(axis=-1))
