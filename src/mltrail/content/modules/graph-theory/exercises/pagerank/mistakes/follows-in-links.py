# Mistake: moves rank along the edges backwards, from v to u, as if the matrix were transposed.
import numpy as np


def pagerank(n, edges, damping):
    in_degree = np.zeros(n)
    for u, v in edges:
        in_degree[v] += 1
    r = np.full(n, 1.0 / n)
    for _ in range(2000):
        new = np.full(n, (1.0 - damping) / n + damping * r[in_degree == 0].sum() / n)
        for u, v in edges:
            new[u] += damping * r[v] / in_degree[v]
        if np.abs(new - r).max() < 1e-15:
            break
        r = new
    return new.tolist()
