# Mistake: sends flow along one augmenting path and stops.
from collections import deque


def max_flow(n, edges, source, sink):
    capacity = [[0] * n for _ in range(n)]
    for u, v, c in edges:
        capacity[u][v] += c
    prev = [-1] * n
    prev[source] = source
    queue = deque([source])
    while queue and prev[sink] == -1:
        u = queue.popleft()
        for v in range(n):
            if prev[v] == -1 and capacity[u][v] > 0:
                prev[v] = u
                queue.append(v)
    if prev[sink] == -1:
        return 0
    bottleneck, v = None, sink
    while v != source:
        u = prev[v]
        bottleneck = capacity[u][v] if bottleneck is None else min(bottleneck, capacity[u][v])
        v = u
    return bottleneck
