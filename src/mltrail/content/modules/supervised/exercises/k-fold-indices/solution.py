def k_fold_indices(n, k):
    """Split range(n) into k contiguous folds (the first n % k one longer); return [(train, test), ...]."""
    base, extra = divmod(n, k)
    folds = []
    start = 0
    for i in range(k):
        stop = start + base + (1 if i < extra else 0)
        test = list(range(start, stop))
        train = list(range(0, start)) + list(range(stop, n))
        folds.append((train, test))
        start = stop
    return folds
