# Mistake: gives each left node its first free right neighbour and never reassigns.
def maximum_matching(n_left, n_right, edges):
    taken = set()
    matched = set()
    pairs = []
    for i, j in sorted(edges):
        if i not in matched and j not in taken:
            matched.add(i)
            taken.add(j)
            pairs.append([i, j])
    return pairs
