import numpy as np

from mltrail.grading.contract import hidden, labelled


def _matrix(rng, rows, cols):
    while True:
        a = np.round(rng.normal(0.0, 3.0, size=(rows, cols)), 2)
        # A symmetric matrix is its own transpose; keep random cases clearly non-symmetric.
        if rows != cols or not np.array_equal(a, a.T):
            return a.tolist()


def cases(rng):
    yield labelled({"a": [[1.0, 2.0, 3.0]]}, "one row becomes one column")
    yield labelled({"a": [[1.0], [2.0], [3.0]]}, "one column becomes one row")
    yield labelled({"a": [[1.0, 2.0], [3.0, 4.0]]}, "a 2x2 matrix")
    yield labelled({"a": [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]}, "a 2x3 matrix")
    yield labelled({"a": [[1.0, -2.0], [3.0, 0.5], [-5.0, 6.0], [7.0, 8.0]]}, "a 4x2 matrix")
    for _ in range(22):
        rows, cols = (int(x) for x in rng.integers(1, 7, size=2))
        if rows == cols == 1:
            cols = 2
        yield {"a": _matrix(rng, rows, cols)}
    for _ in range(2):
        rows, cols = (int(x) for x in rng.integers(3, 9, size=2))
        yield hidden({"a": _matrix(rng, rows, cols)})
