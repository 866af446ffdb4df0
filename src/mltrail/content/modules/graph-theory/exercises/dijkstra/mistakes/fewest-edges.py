# Mistake: finds the path with the fewest edges by breadth-first search, ignoring the lengths.
import math
from collections import deque


def shortest_path(n, edges, source, target):
    out = [[] for _ in range(n)]
    length = {}
    for u, v, w in edges:
        out[u].append(v)
        length[(u, v)] = w
    prev = {source: None}
    queue = deque([source])
    while queue:
        u = queue.popleft()
        for v in out[u]:
            if v not in prev:
                prev[v] = u
                queue.append(v)
    if target not in prev:
        return math.inf, []
    path = [target]
    while path[-1] != source:
        path.append(prev[path[-1]])
    path.reverse()
    return sum(length[(u, v)] for u, v in zip(path, path[1:])), path
