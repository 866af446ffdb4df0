import numpy as np


def pairwise_distances(A, B):
    """The (n, m) array of Euclidean distances between the rows of A and the rows of B."""
    # Insert new axes so that A - B broadcasts to shape (n, m, d), then reduce the last axis.
    ...
