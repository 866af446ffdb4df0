# Mistake: tests the FIRST rows of each class in permutation order instead of the last ones.
def stratified_indices(labels, permutation, test_percent):
    by_class = {}
    for i in permutation:
        by_class.setdefault(labels[i], []).append(i)
    train, test = [], []
    for rows in by_class.values():
        k = -(-len(rows) * test_percent // 100)
        test += rows[:k]
        train += rows[k:]
    return train, test
