# Mistake: returns the parent array after the merges, instead of each node's root.
def component_labels(n, edges):
    parent = list(range(n))

    def find(v):
        while parent[v] != v:
            v = parent[v]
        return v

    for u, v in edges:
        a, b = find(u), find(v)
        if a != b:
            parent[a] = b
    return parent
