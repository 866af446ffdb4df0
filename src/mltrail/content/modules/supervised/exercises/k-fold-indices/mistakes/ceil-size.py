# Mistake: fold size ceil(n / k) for every fold, so the last folds come out short, or even empty.
import math


def k_fold_indices(n, k):
    size = math.ceil(n / k)
    folds = []
    for i in range(k):
        start, stop = min(i * size, n), min((i + 1) * size, n)
        folds.append((list(range(0, start)) + list(range(stop, n)), list(range(start, stop))))
    return folds
