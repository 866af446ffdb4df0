# Mistake: keeps the n - 1 lightest edges, without checking whether they close a cycle.
def minimum_spanning_tree(n, edges):
    return [list(edge) for edge in sorted(edges, key=lambda edge: edge[2])[: n - 1]]
