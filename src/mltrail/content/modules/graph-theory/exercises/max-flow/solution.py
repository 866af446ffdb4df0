from collections import deque


def max_flow(n, edges, source, sink):
    """Return the value of a maximum flow from source to sink (Edmonds-Karp)."""
    capacity = [[0] * n for _ in range(n)]  # residual capacities, reverse edges included
    for u, v, c in edges:
        capacity[u][v] += c
    total = 0
    while True:
        prev = [-1] * n  # breadth-first search for a shortest augmenting path
        prev[source] = source
        queue = deque([source])
        while queue and prev[sink] == -1:
            u = queue.popleft()
            for v in range(n):
                if prev[v] == -1 and capacity[u][v] > 0:
                    prev[v] = u
                    queue.append(v)
        if prev[sink] == -1:
            return total
        bottleneck, v = None, sink
        while v != source:
            u = prev[v]
            bottleneck = capacity[u][v] if bottleneck is None else min(bottleneck, capacity[u][v])
            v = u
        v = sink
        while v != source:
            u = prev[v]
            capacity[u][v] -= bottleneck
            capacity[v][u] += bottleneck  # flow can later be pushed back
            v = u
        total += bottleneck
