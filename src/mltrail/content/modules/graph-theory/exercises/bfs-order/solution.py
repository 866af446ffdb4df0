from collections import deque


def bfs_order(graph, source):
    """Return the nodes reachable from source in breadth-first order."""
    seen = {source}
    queue = deque([source])
    order = []
    while queue:
        u = queue.popleft()
        order.append(u)
        for v in graph[u]:
            if v not in seen:
                seen.add(v)
                queue.append(v)
    return order
