def dfs_order(graph, source):
    """Return the nodes reachable from source in depth-first preorder."""
    order = []
    seen = set()

    def visit(u):
        # Record u, then go deeper through each neighbour that is still unvisited.
        ...

    visit(source)
    return order
