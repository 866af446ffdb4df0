from collections import deque


def bfs_order(graph, source):
    """Return the nodes reachable from source in breadth-first order."""
    order = [source]
    queue = deque([source])
    # Take nodes from the front of the queue; queue each unseen neighbour once.
    return order
