from functools import lru_cache

import numpy as np
from sklearn.datasets import load_wine

from mltrail.grading.contract import hidden, labelled


@lru_cache(maxsize=None)
def _wine():
    data = load_wine()
    return data.data, data.target


def _split(train, test, k, columns=slice(None)):
    X, y = _wine()
    return {"X_train": X[train][:, columns].copy(), "y_train": y[train].copy(), "X_test": X[test][:, columns].copy(), "k": k}


def _sample(rng):
    X, y = _wine()
    n, m = int(rng.integers(15, 80)), int(rng.integers(1, 25))
    rows = rng.choice(len(y), size=n + m, replace=False)
    d = int(rng.integers(2, 14))
    columns = np.sort(rng.choice(X.shape[1], size=d, replace=False))
    columns[-1] = 12 if 12 not in columns else columns[-1]  # keep proline, the large-scale feature
    return _split(rows[:n], rows[n:], int(rng.choice([1, 3, 5, 7])), np.unique(columns))


def cases(rng):
    yield labelled(
        {"X_train": np.array([[13.0, 1000.0], [13.2, 1100.0], [12.0, 500.0], [12.2, 520.0]]), "y_train": np.array([0, 0, 1, 1]), "X_test": np.array([[13.1, 600.0]]), "k": 1},
        "the worked example",
    )
    yield labelled(_split(np.arange(0, 178, 2), np.arange(1, 178, 10), 5, [0, 12]), "alcohol and proline: scales 10 and 1000")
    yield labelled(_split(np.arange(0, 178, 3), np.array([7]), 3), "one test row")
    yield labelled(_split(np.arange(1, 178, 4), np.arange(0, 178, 9), 1, [0, 1, 9, 12]), "1-nearest neighbour")
    for _ in range(21):
        yield _sample(rng)
    yield hidden(_sample(rng))


def compare(expected, got, case):
    try:
        values = np.asarray(got)
    except (TypeError, ValueError):
        return "return a list or array of labels"
    if values.shape != (len(expected),):
        return f"expected {len(expected)} labels (one per test row), got shape {values.shape}"
    if values.dtype.kind not in "iuf" or not np.all(values == np.round(values)):
        return "return whole-number labels (0, 1 or 2)"
    wrong = [i for i, (a, b) in enumerate(zip(expected, values)) if a != b]
    if wrong:
        return f"{len(wrong)} of {len(expected)} predictions differ (first at test row {wrong[0]}: expected {expected[wrong[0]]}, got {values[wrong[0]]})"
    return True
