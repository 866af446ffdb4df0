import numpy as np


def silhouette(X, labels):
    """The mean silhouette coefficient of the clustering `labels` of the rows of X."""
    # a(i): mean distance to the OTHER points of i's cluster; b(i): the smallest mean distance
    # to another cluster; s(i) = (b - a) / max(a, b), or 0 for a point alone in its cluster.
    return 0.0
