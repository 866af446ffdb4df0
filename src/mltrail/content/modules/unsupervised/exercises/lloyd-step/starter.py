import numpy as np


def lloyd_step(X, centroids):
    """One assignment step and one update step of k-means; return the new centroids."""
    # labels: the nearest centroid of each point; then each centroid becomes the mean of its points
    # (an empty cluster keeps its centroid).
    ...
