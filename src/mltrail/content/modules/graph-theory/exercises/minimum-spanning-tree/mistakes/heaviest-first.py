# Mistake: sorts the edges from heaviest to lightest, which builds a MAXIMUM spanning tree.
def minimum_spanning_tree(n, edges):
    parent = list(range(n))

    def find(v):
        while parent[v] != v:
            v = parent[v]
        return v

    tree = []
    for u, v, w in sorted(edges, key=lambda edge: edge[2], reverse=True):
        a, b = find(u), find(v)
        if a != b:
            parent[a] = b
            tree.append([u, v, w])
    return tree
