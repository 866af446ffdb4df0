def stratified_indices(labels, permutation, test_percent):
    """(train, test), splitting each class separately in the order of the permutation."""
    by_class = {}
    for i in permutation:
        by_class.setdefault(labels[i], []).append(int(i))
    train, test = [], []
    for rows in by_class.values():
        n_test = -(-len(rows) * test_percent // 100)  # ceil with whole numbers only
        cut = len(rows) - n_test
        train.extend(rows[:cut])
        test.extend(rows[cut:])
    return train, test
