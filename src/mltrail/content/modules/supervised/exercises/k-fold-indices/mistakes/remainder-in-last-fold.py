# Mistake: every fold gets n // k rows and the last fold takes the whole remainder.
def k_fold_indices(n, k):
    size = n // k
    folds = []
    for i in range(k):
        start = i * size
        stop = n if i == k - 1 else start + size
        folds.append((list(range(0, start)) + list(range(stop, n)), list(range(start, stop))))
    return folds
