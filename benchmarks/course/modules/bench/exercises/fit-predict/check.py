def cases(rng):
    for _ in range(20):
        n, d = int(rng.integers(10, 40)), int(rng.integers(1, 5))
        X = rng.normal(size=(n, d))
        y = X @ rng.normal(size=d) + rng.normal(scale=0.1, size=n)
        yield {"X_train": X, "y_train": y, "X_test": rng.normal(size=(5, d))}
