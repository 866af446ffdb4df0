# Mistake: takes nodes from the back of the list (a stack), which is not breadth-first.
def bfs_order(graph, source):
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
