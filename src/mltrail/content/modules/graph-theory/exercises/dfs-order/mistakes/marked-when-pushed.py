# Mistake: an explicit stack that marks nodes as visited when they are pushed, the BFS habit.
def dfs_order(graph, source):
    seen = {source}
    stack = [source]
    order = []
    while stack:
        u = stack.pop()
        order.append(u)
        for v in graph[u]:
            if v not in seen:
                seen.add(v)
                stack.append(v)
    return order
