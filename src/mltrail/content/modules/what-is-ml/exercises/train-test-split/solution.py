def train_test_indices(permutation, test_percent):
    """(train, test): the first n - n_test entries of the permutation, then the last n_test."""
    n = len(permutation)
    n_test = -(-n * test_percent // 100)  # ceil with whole numbers only
    cut = n - n_test
    return [int(i) for i in permutation[:cut]], [int(i) for i in permutation[cut:]]
