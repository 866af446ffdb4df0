# Mistake: leaves unreachable nodes at distance 0 instead of -1.
from collections import deque


def hop_distances(graph, source):
    dist = [0] * len(graph)
    seen = {source}
    queue = deque([source])
    while queue:
        u = queue.popleft()
        for v in graph[u]:
            if v not in seen:
                seen.add(v)
                dist[v] = dist[u] + 1
                queue.append(v)
    return dist
