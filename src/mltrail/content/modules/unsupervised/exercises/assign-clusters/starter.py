import numpy as np


def assign_clusters(X, centroids):
    """The index of the nearest centroid for every row of X, as a list of ints."""
    # An n x k table of squared distances, then the smallest entry of each row.
    ...
