def minimum_spanning_tree(n, edges):
    """Return the n - 1 edges [u, v, w] of a minimum spanning tree."""
    parent = list(range(n))

    def find(v):
        while parent[v] != v:
            parent[v] = parent[parent[v]]  # path halving
            v = parent[v]
        return v

    tree = []
    for u, v, w in sorted(edges, key=lambda edge: edge[2]):
        a, b = find(u), find(v)
        if a != b:
            parent[a] = b
            tree.append([u, v, w])
            if len(tree) == n - 1:
                break
    return tree
