# Mistake: puts 1 for every edge, ignoring the weight of [u, v, w] edges.
import numpy as np


def adjacency_matrix(n, edges, directed):
    A = np.zeros((n, n))
    for edge in edges:
        A[edge[0], edge[1]] = 1.0
        if not directed:
            A[edge[1], edge[0]] = 1.0
    return A
