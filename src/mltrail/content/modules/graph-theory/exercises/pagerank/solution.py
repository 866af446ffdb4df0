import numpy as np


def pagerank(n, edges, damping):
    """Return the PageRank vector (n floats summing to 1) of a directed graph."""
    out_degree = np.zeros(n)
    for u, v in edges:
        out_degree[u] += 1
    M = np.zeros((n, n))  # M[v, u]: probability that the surfer steps from u to v
    for u, v in edges:
        M[v, u] = 1.0 / out_degree[u]
    M[:, out_degree == 0] = 1.0 / n  # a dangling node sends its surfer anywhere, uniformly
    # The stationary vector solves r = (1 - d) / n + d M r exactly.
    r = np.linalg.solve(np.eye(n) - damping * M, np.full(n, (1.0 - damping) / n))
    return (r / r.sum()).tolist()
