def maximum_matching(n_left, n_right, edges):
    """Return a maximum matching of a bipartite graph as a list of [left, right] pairs."""
    adj = [[] for _ in range(n_left)]
    for i, j in edges:
        adj[i].append(j)
    owner = [None] * n_right  # owner[j]: the left node matched with right node j

    def try_match(i, seen):
        # Look for a free right neighbour of i, or one whose owner can move elsewhere.
        return False

    for i in range(n_left):
        try_match(i, set())
    return [[owner[j], j] for j in range(n_right) if owner[j] is not None]
