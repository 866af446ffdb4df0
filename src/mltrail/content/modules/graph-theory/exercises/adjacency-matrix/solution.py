import numpy as np


def adjacency_matrix(n, edges, directed):
    """Return the n x n weighted adjacency matrix of the edge list."""
    A = np.zeros((n, n))
    for edge in edges:
        u, v = edge[0], edge[1]
        w = float(edge[2]) if len(edge) == 3 else 1.0
        A[u, v] = w
        if not directed:
            A[v, u] = w
    return A
