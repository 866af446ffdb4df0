def train_test_indices(permutation, test_percent):
    """(train, test): the first n - n_test entries of the permutation, then the last n_test."""
    n = len(permutation)
    # n_test = ceil(n * test_percent / 100), computed with whole numbers
    ...
