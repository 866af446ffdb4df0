# Mistake: splits the whole permutation at once, ignoring the classes.
def stratified_indices(labels, permutation, test_percent):
    n_test = -(-len(permutation) * test_percent // 100)
    cut = len(permutation) - n_test
    return list(permutation[:cut]), list(permutation[cut:])
