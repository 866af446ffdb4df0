import numpy as np

from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"X": np.array([[1.0, 10.0], [3.0, 30.0]])}, "two rows, two columns")
    yield labelled({"X": np.array([[1.0, 2.0, 3.0]])}, "a single row: every column is constant")
    yield labelled({"X": np.array([[1.0], [2.0], [3.0], [6.0]])}, "a single column")
    yield labelled(
        {"X": np.array([[1.0, 4.0, 0.0], [2.0, 4.0, -5.0], [6.0, 4.0, 5.0]])}, "a constant column"
    )
    yield labelled({"X": np.array([[0, 1], [0, 3], [0, 5]])}, "int array with a column of zeros")
    yield labelled(
        {"X": np.array([[0.1, 1.0], [0.1, 2.0], [0.1, 4.0]])}, "a constant column whose computed std is not exactly 0"
    )
    yield labelled(
        {"X": np.array([[1.0, 100.0, -3.0], [2.0, 200.0, -1.0], [3.0, 600.0, 7.0], [4.0, 100.0, 1.0]])},
        "more rows than columns",
    )
    yield labelled({"X": np.array([[1.0, 5.0, 2.0, 8.0], [3.0, 1.0, 2.0, 0.0]])}, "more columns than rows")
    for i in range(24):
        n = int(rng.integers(2, 12))
        m = int(rng.integers(1, 6))
        if i % 3 == 0:
            X = rng.integers(-20, 20, size=(n, m))
        else:
            X = rng.normal(rng.normal(0.0, 50.0, size=m), rng.uniform(0.1, 30.0, size=m), size=(n, m))
        if i % 4 == 1:
            X[:, int(rng.integers(0, m))] = int(rng.integers(-5, 5))
        yield {"X": X}
    yield hidden({"X": np.arange(300, dtype=float).reshape(100, 3) ** 2})
    yield hidden({"X": np.full((5, 4), 7.0)})


def compare(expected, got, case):
    if type(got) is not np.ndarray:
        return f"expected a numpy array of floats, got {type(got).__name__}"
    if got.dtype.kind != "f":
        return f"expected an array of floats, got dtype {got.dtype}"
    if got.shape != expected.shape:
        return f"expected shape {expected.shape}, got shape {got.shape}"
    close = np.isclose(got, expected, rtol=1e-6, atol=1e-9, equal_nan=True)
    if not close.all():
        index = tuple(int(i) for i in np.argwhere(~close)[0])
        where = index[0] if len(index) == 1 else index
        return f"at index {where}: expected {expected[index]!r}, got {got[index]!r}"
    return True
