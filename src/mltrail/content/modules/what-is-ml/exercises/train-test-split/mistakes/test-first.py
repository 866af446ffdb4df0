# Mistake: takes the test set from the front of the permutation instead of the end.
def train_test_indices(permutation, test_percent):
    n_test = -(-len(permutation) * test_percent // 100)
    return list(permutation[n_test:]), list(permutation[:n_test])
