from collections import deque


def hop_distances(graph, source):
    """Return the number of edges on a shortest path from source to each node (-1: unreachable)."""
    dist = [-1] * len(graph)
    dist[source] = 0
    queue = deque([source])
    while queue:
        u = queue.popleft()
        for v in graph[u]:
            if dist[v] == -1:
                dist[v] = dist[u] + 1
                queue.append(v)
    return dist
