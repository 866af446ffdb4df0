from functools import lru_cache

import numpy as np
from sklearn.datasets import load_iris, load_wine

from mltrail.grading.contract import hidden, labelled

EPS = np.finfo(float).eps


@lru_cache(maxsize=None)
def _tables():
    return [load_iris().data, load_wine().data[:, :6]]


def _sample(rng):
    table = _tables()[int(rng.integers(0, 2))]
    n, m = (int(v) for v in rng.integers(1, 12, size=2))
    d = int(rng.integers(1, table.shape[1] + 1))
    columns = rng.choice(table.shape[1], size=d, replace=False)
    A = table[rng.choice(table.shape[0], size=n, replace=False)][:, columns]
    B = table[rng.choice(table.shape[0], size=m, replace=False)][:, columns]
    return {"A": A.copy(), "B": B.copy()}


def cases(rng):
    yield labelled({"A": np.array([[0.0, 0.0], [3.0, 4.0]]), "B": np.array([[0.0, 0.0], [6.0, 8.0], [3.0, 0.0]])}, "the worked example")
    iris = _tables()[0]
    yield labelled({"A": iris[:4].copy(), "B": iris[:4].copy()}, "four irises against themselves: zeros on the diagonal")
    yield labelled({"A": iris[[0]].copy(), "B": iris[[50, 100, 17]].copy()}, "one point against three (rows 0 and 17 are identical)")
    yield labelled({"A": iris[[0, 50, 100, 1, 51]][:, [2]].copy(), "B": iris[[2, 3]][:, [2]].copy()}, "one feature: distances are absolute differences")
    for _ in range(21):
        yield _sample(rng)
    yield hidden(_sample(rng))


def compare(expected, got, case):
    got = np.asarray(got, dtype=float) if not isinstance(got, np.ndarray) else got
    if got.shape != expected.shape:
        return f"expected an array of shape {expected.shape} (rows of A by rows of B), got shape {got.shape}"
    A, B = np.asarray(case.args["A"], dtype=float), np.asarray(case.args["B"], dtype=float)
    size = (A**2).sum(axis=1)[:, None] + (B**2).sum(axis=1)[None, :]
    if not np.all(np.abs(got - expected) <= 1e-9 * expected + np.sqrt(1e3 * EPS * size)):
        i, j = np.unravel_index(np.argmax(np.abs(got - expected)), expected.shape)
        return f"entry [{i}, {j}]: expected {float(expected[i, j])!r}, got {float(got[i, j])!r}"
    return True
