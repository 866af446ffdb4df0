# Mistake: cuts the rows in their original order 0, 1, ..., n - 1, ignoring the shuffle.
def train_test_indices(permutation, test_percent):
    n = len(permutation)
    n_test = -(-n * test_percent // 100)
    rows = list(range(n))
    return rows[: n - n_test], rows[n - n_test:]
