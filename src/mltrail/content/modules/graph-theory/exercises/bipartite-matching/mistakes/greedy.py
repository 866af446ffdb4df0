# Mistake: takes the edges in the order given, keeping each one whose two ends are still free,
# and never reassigns.
def maximum_matching(n_left, n_right, edges):
    taken = set()
    matched = set()
    pairs = []
    for i, j in edges:
        if i not in matched and j not in taken:
            matched.add(i)
            taken.add(j)
            pairs.append([i, j])
    return pairs
