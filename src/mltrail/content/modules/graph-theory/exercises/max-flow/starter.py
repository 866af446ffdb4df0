from collections import deque


def max_flow(n, edges, source, sink):
    """Return the value of a maximum flow from source to sink."""
    capacity = [[0] * n for _ in range(n)]  # residual capacities
    for u, v, c in edges:
        capacity[u][v] += c
    total = 0
    # Repeat: find a source-sink path with spare capacity (BFS), push its bottleneck,
    # update the residual capacities both ways. Stop when the sink is unreachable.
    return total
