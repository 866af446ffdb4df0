import numpy as np


def pagerank(n, edges, damping):
    """Return the PageRank vector (n floats summing to 1) of a directed graph."""
    out_degree = np.zeros(n)
    for u, v in edges:
        out_degree[u] += 1
    r = np.full(n, 1.0 / n)
    # Repeat the surfer's step until r stops changing: jumps, links, and dangling nodes.
    return r.tolist()
