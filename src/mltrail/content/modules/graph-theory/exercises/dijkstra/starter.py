import heapq
import math


def shortest_path(n, edges, source, target):
    """Return (length of a shortest path, its nodes) from source to target."""
    out = [[] for _ in range(n)]
    for u, v, w in edges:
        out[u].append((v, w))
    dist = [math.inf] * n
    prev = [None] * n
    # Dijkstra: settle the closest unsettled node, relax its edges; then follow prev back.
    return math.inf, []
