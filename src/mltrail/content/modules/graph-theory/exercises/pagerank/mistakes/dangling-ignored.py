# Mistake: power iteration that drops the probability sitting on dangling nodes.
import numpy as np


def pagerank(n, edges, damping):
    out_degree = np.zeros(n)
    for u, v in edges:
        out_degree[u] += 1
    r = np.full(n, 1.0 / n)
    for _ in range(2000):
        new = np.full(n, (1.0 - damping) / n)
        for u, v in edges:
            new[v] += damping * r[u] / out_degree[u]
        if np.abs(new - r).max() < 1e-15:
            break
        r = new
    return new.tolist()
