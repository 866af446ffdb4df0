# Mistake: uses a first-in first-out queue, which gives a breadth-first order.
from collections import deque


def dfs_order(graph, source):
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
