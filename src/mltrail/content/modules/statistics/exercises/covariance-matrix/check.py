import numpy as np

from mltrail.grading.contract import hidden, labelled


def _data(rng, n, d, offset=0.0):
    mixing = rng.normal(size=(d, d))
    X = rng.normal(size=(n, d)) @ mixing * rng.uniform(0.5, 5.0) + rng.uniform(-10, 10, size=d) + offset
    return np.round(X, 3)


def cases(rng):
    yield labelled({"X": np.array([[2.0, 60.0], [4.0, 70.0], [6.0, 86.0]])}, "the worked example")
    yield labelled({"X": np.array([[1.0], [2.0], [3.0], [6.0]])}, "one column: a 1 x 1 matrix holding its variance")
    yield labelled({"X": np.array([[1.0, 5.0], [3.0, 5.0]])}, "two rows; a constant column")
    yield labelled({"X": np.array([[1.0, -1.0], [2.0, -2.0], [3.0, -3.0]])}, "perfectly opposed columns")
    yield labelled({"X": np.array([[0.0, 1.0, 2.0], [1.0, 0.0, 2.0], [2.0, 2.0, 0.0], [3.0, 1.0, 1.0]])}, "three columns, more rows than columns")
    yield labelled({"X": np.array([[1.0, 2.0, 3.0, 4.0], [2.0, 1.0, 0.0, 4.0]])}, "more columns than rows")
    yield labelled({"X": np.array([[1e4 + 0.01, 1.0], [1e4 + 0.03, 2.0], [1e4 + 0.02, 4.0], [1e4 + 0.05, 3.0]])}, "a column near 10**4 with small variations")
    for i in range(22):
        n = int(rng.integers(2, 30))
        d = int(rng.integers(1, 6))
        yield {"X": _data(rng, n, d, offset=1e4 if i % 5 == 0 else 0.0)}
    yield hidden({"X": _data(rng, 200, 4)})
    yield hidden({"X": _data(rng, 3, 5)})


def compare(expected, got, case):
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return "return a 2-D array (or nested list) of numbers"
    if got.shape != expected.shape:
        return f"expected a {expected.shape[0]} x {expected.shape[1]} matrix (one row and column per feature), got shape {got.shape}"
    # Entry (j, k) is accurate to about eps * n * std_j * std_k; allow far more than that.
    std = np.sqrt(np.diag(expected))
    scale = np.outer(std, std) + 1e-12
    if not np.all(np.abs(got - expected) <= 1e-7 * scale + 1e-6 * np.abs(expected)):
        return "some entries differ from the sample covariance matrix"
    return True
