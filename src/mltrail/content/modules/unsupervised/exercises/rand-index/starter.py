def rand_index(labels_a, labels_b):
    """The fraction of pairs of points on which two clusterings agree."""
    # For every pair i < j: together in a? together in b? They agree when both answers match.
    ...
