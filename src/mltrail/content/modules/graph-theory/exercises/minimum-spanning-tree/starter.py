def minimum_spanning_tree(n, edges):
    """Return the n - 1 edges [u, v, w] of a minimum spanning tree."""
    parent = list(range(n))

    def find(v):
        while parent[v] != v:
            v = parent[v]
        return v

    tree = []
    # Go through the edges from lightest to heaviest; keep those that join two groups.
    return tree
