from functools import lru_cache

import numpy as np
from sklearn.datasets import load_wine

from mltrail.grading.contract import hidden, labelled


@lru_cache(maxsize=None)
def _wine():
    data = load_wine()
    return data.data, data.target


def _sample(rng, n=None):
    X, y = _wine()
    n = n or int(rng.integers(4, 40))
    d = int(rng.integers(1, 6))
    rows = rng.choice(len(y), size=n, replace=False)
    columns = np.sort(rng.choice(X.shape[1], size=d, replace=False))
    return {"X": X[np.ix_(rows, columns)].copy(), "y": y[rows].copy()}


def cases(rng):
    yield labelled({"X": np.array([[1.0, 2.0], [3.0, 4.0], [10.0, 20.0], [5.0, 6.0]]), "y": np.array([2, 0, 2, 0])}, "the worked example: labels not in order")
    X, y = _wine()
    rows = np.array([130, 0, 60, 1, 131, 61])
    yield labelled({"X": X[rows, :3].copy(), "y": y[rows].copy()}, "six wines, two of each class, classes out of order")
    rows = np.array([70, 140, 71, 141, 142])
    yield labelled({"X": X[rows, :2].copy(), "y": y[rows].copy()}, "classes 1 and 2 only")
    yield labelled({"X": X[[5], :4].copy(), "y": y[[5]].copy()}, "a single row")
    for _ in range(21):
        yield _sample(rng)
    yield hidden(_sample(rng))


def compare(expected, got, case):
    try:
        got = np.asarray(got, dtype=float)
    except ValueError:
        return "return a rectangular array: one row of d means per class"
    if got.shape != expected.shape:
        return f"expected an array of shape {expected.shape} (one row per class, one column per feature), got shape {got.shape}"
    if not np.allclose(got, expected, rtol=1e-9, atol=0.0):
        return f"expected {np.round(expected, 6).tolist()}, got {np.round(got, 6).tolist()}"
    return True
