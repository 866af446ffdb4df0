def component_labels(n, edges):
    """Return a label per node: equal labels exactly for nodes in the same component."""
    parent = list(range(n))
    size = [1] * n

    def find(v):
        root = v
        while parent[root] != root:
            root = parent[root]
        while parent[v] != root:  # path compression
            parent[v], v = root, parent[v]
        return root

    for u, v in edges:
        a, b = find(u), find(v)
        if a != b:
            if size[a] < size[b]:  # union by size keeps the trees shallow
                a, b = b, a
            parent[b] = a
            size[a] += size[b]
    return [find(v) for v in range(n)]
