# Mistake: augments along shortest paths (as Edmonds-Karp does) but never adds the reverse
# residual edges, so flow sent early can never be rerouted.
from collections import deque


def max_flow(n, edges, source, sink):
    capacity = [[0] * n for _ in range(n)]
    for u, v, c in edges:
        capacity[u][v] += c
    total = 0
    while True:
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
            return total
        path, v = [], sink
        while v != source:
            path.append((prev[v], v))
            v = prev[v]
        bottleneck = min(capacity[u][v] for u, v in path)
        for u, v in path:
            capacity[u][v] -= bottleneck
        total += bottleneck
