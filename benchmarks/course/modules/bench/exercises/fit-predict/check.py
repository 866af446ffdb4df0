import numpy as np

from mltrail.grading.contract import labelled


def cases(rng):
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    yield labelled({"X_train": X, "y_train": 2.0 * X[:, 0] + 1.0, "X_test": np.array([[4.0], [-1.0]])}, "an exact line")
    for _ in range(20):
        n, d = int(rng.integers(10, 40)), int(rng.integers(1, 5))
        X = rng.normal(size=(n, d))
        y = X @ rng.normal(size=d) + rng.normal(scale=0.1, size=n)
        yield {"X_train": X, "y_train": y, "X_test": rng.normal(size=(5, d))}
