def stratified_indices(labels, permutation, test_percent):
    """(train, test), splitting each class separately in the order of the permutation."""
    by_class = {}
    # collect each class's row indices in permutation order, then split each list
    ...
