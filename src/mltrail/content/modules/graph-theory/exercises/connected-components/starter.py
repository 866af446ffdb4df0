def component_labels(n, edges):
    """Return a label per node: equal labels exactly for nodes in the same component."""
    parent = list(range(n))

    def find(v):
        # Follow parent pointers up to the root of v's tree.
        return v

    for u, v in edges:
        pass  # merge the trees of u and v
    return parent
