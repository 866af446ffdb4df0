import numpy as np


def agglomerative(X, n_clusters, linkage):
    """Cluster labels after merging the closest clusters until n_clusters remain."""
    clusters = [[i] for i in range(len(X))]
    # while there are too many clusters: find the closest pair under `linkage` and merge it
    labels = [0] * len(X)
    for name, members in enumerate(clusters):
        for i in members:
            labels[i] = name
    return labels
