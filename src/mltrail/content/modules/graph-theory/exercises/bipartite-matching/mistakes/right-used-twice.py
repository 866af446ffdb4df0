# Mistake: matches each left node with its first neighbour without checking that it is still free.
def maximum_matching(n_left, n_right, edges):
    first = {}
    for i, j in sorted(edges):
        first.setdefault(i, j)
    return [[i, j] for i, j in sorted(first.items())]
