# Mistake: rounds the test size down (floor), one test row short whenever n * percent / 100 is not whole.
def train_test_indices(permutation, test_percent):
    n = len(permutation)
    n_test = n * test_percent // 100
    return list(permutation[: n - n_test]), list(permutation[n - n_test:])
