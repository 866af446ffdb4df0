# Mistake: merges by setting parent[u] = v for the nodes themselves, not for their roots.
def component_labels(n, edges):
    parent = list(range(n))

    def find(v):
        while parent[v] != v:
            v = parent[v]
        return v

    for u, v in edges:
        if find(u) != find(v):
            parent[u] = v
    return [find(v) for v in range(n)]
