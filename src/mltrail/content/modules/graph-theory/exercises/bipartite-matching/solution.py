def maximum_matching(n_left, n_right, edges):
    """Return a maximum matching of a bipartite graph as a list of [left, right] pairs."""
    adj = [[] for _ in range(n_left)]
    for i, j in edges:
        adj[i].append(j)
    owner = [None] * n_right  # owner[j]: the left node matched with right node j

    def try_match(i, seen):
        # An iterative depth-first search for an augmenting path from left node i.
        stack = [(i, iter(adj[i]))]
        path = []  # (left, right) steps taken so far
        while stack:
            u, neighbours = stack[-1]
            for j in neighbours:
                if j in seen:
                    continue
                seen.add(j)
                path.append((u, j))
                if owner[j] is None:
                    for left, right in path:  # flip the path: every left node takes its right node
                        owner[right] = left
                    return True
                stack.append((owner[j], iter(adj[owner[j]])))
                break
            else:
                stack.pop()
                if path:
                    path.pop()
        return False

    for i in range(n_left):
        try_match(i, set())
    return sorted([owner[j], j] for j in range(n_right) if owner[j] is not None)
