# Mistake: stores every edge from u to v only, even when the graph is undirected.
import numpy as np


def adjacency_matrix(n, edges, directed):
    A = np.zeros((n, n))
    for edge in edges:
        A[edge[0], edge[1]] = edge[2] if len(edge) == 3 else 1.0
    return A
