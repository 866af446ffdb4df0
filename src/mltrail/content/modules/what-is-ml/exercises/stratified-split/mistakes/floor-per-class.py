# Mistake: rounds each class's test count down instead of up.
def stratified_indices(labels, permutation, test_percent):
    by_class = {}
    for i in permutation:
        by_class.setdefault(labels[i], []).append(i)
    train, test = [], []
    for rows in by_class.values():
        cut = len(rows) - len(rows) * test_percent // 100
        train += rows[:cut]
        test += rows[cut:]
    return train, test
