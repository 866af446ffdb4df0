# Mistake: records the depth at which a depth-first search first reaches each node.
def hop_distances(graph, source):
    dist = [-1] * len(graph)

    def visit(u, depth):
        dist[u] = depth
        for v in graph[u]:
            if dist[v] == -1:
                visit(v, depth + 1)

    visit(source, 0)
    return dist
