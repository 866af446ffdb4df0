def dfs_order(graph, source):
    """Return the nodes reachable from source in depth-first preorder (no recursion limit)."""
    order = []
    seen = set()
    stack = [source]
    while stack:
        u = stack.pop()
        if u in seen:
            continue
        seen.add(u)
        order.append(u)
        for v in reversed(graph[u]):  # so that the first listed neighbour is tried first
            if v not in seen:
                stack.append(v)
    return order
