# Mistake: marks nodes as seen only when they are taken out of the queue, so a node
# reachable from two queued nodes is queued and listed twice.
from collections import deque


def bfs_order(graph, source):
    seen = set()
    queue = deque([source])
    order = []
    while queue:
        u = queue.popleft()
        seen.add(u)
        order.append(u)
        for v in graph[u]:
            if v not in seen:
                queue.append(v)
    return order
