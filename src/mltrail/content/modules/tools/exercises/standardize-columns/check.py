from functools import lru_cache

import numpy as np
from sklearn.datasets import load_diabetes, load_iris, load_wine

from mltrail.grading.contract import hidden, labelled


@lru_cache(maxsize=None)
def _tables():
    return [load_wine().data, load_iris().data, load_diabetes().data]


def _sample(rng):
    table = _tables()[int(rng.integers(0, 3))]
    n = int(rng.integers(3, 25))
    d = int(rng.integers(1, min(6, table.shape[1]) + 1))
    rows = rng.choice(table.shape[0], size=n, replace=False)
    columns = rng.choice(table.shape[1], size=d, replace=False)
    return {"X": table[np.ix_(rows, columns)].copy()}


def cases(rng):
    yield labelled({"X": np.array([[1.0, 10.0, 5.0], [3.0, 30.0, 5.0], [5.0, 20.0, 5.0]])}, "the worked example, with a constant column")
    yield labelled({"X": np.array([[2.0, 7.0], [4.0, 7.0]])}, "two rows")
    yield labelled({"X": _tables()[0][:6, :4].copy()}, "the first six wines, four columns on very different scales")
    yield labelled({"X": _tables()[1][[0, 50, 100, 1, 51, 101], :].copy()}, "six irises, two of each species")
    yield labelled(
        {"X": _tables()[1][[0, 1, 2], :].copy()},
        "three irises with the same petal width: a constant column whose computed std is not exactly 0",
    )
    for _ in range(21):
        yield _sample(rng)
    yield hidden(_sample(rng))


def compare(expected, got, case):
    got = np.asarray(got, dtype=float) if not isinstance(got, np.ndarray) else got
    if got.shape != expected.shape:
        return f"expected an array of shape {expected.shape}, got shape {got.shape}"
    if not np.allclose(got, expected, rtol=1e-7, atol=1e-9):
        return "some standardised values are wrong"
    return True
