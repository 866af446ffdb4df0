import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    k = int(rng.integers(2, 5))
    d = int(rng.integers(1, 5))
    names = rng.permutation(10)[:k]
    centres = rng.normal(0.0, 2.0, size=(k, d))
    n = int(rng.integers(3, 25))
    which = rng.integers(0, k, size=n)
    X_train = np.round(centres[which] + rng.normal(0.0, 1.2, size=(n, d)), 3)
    m = int(rng.integers(3, 15))
    # half the test rows near training rows, half anywhere among the classes
    near = X_train[rng.integers(0, n, size=m)] + rng.normal(0.0, 0.3, size=(m, d))
    anywhere = centres[rng.integers(0, k, size=m)] + rng.normal(0.0, 1.5, size=(m, d))
    X_test = np.round(np.where(rng.random((m, 1)) < 0.5, near, anywhere), 3)
    return {"X_train": X_train.tolist(), "y_train": [int(names[j]) for j in which], "X_test": X_test.tolist()}


def cases(rng):
    yield labelled({"X_train": [[0.0, 0.0], [1.0, 1.0], [4.0, 4.0]], "y_train": [5, 2, 5],
                    "X_test": [[0.9, 1.2], [3.0, 3.5], [0.5, 0.5]]}, "the worked example, with a tie")
    yield labelled({"X_train": [[0.0], [10.0], [3.0]], "y_train": [1, 1, 0], "X_test": [[2.0], [9.0], [-4.0]]},
                   "labels, not positions of the neighbour")
    yield labelled({"X_train": [[2.0, 0.0], [0.0, 2.0], [-2.0, 0.0]], "y_train": [3, 4, 3], "X_test": [[0.0, 0.0], [-1.0, 1.0]]},
                   "ties between rows: the earliest row decides")
    yield labelled({"X_train": [[0.0, 0.0], [3.0, 3.0]], "y_train": [0, 1], "X_test": [[4.0, 0.0], [0.0, 4.5]]},
                   "Euclidean, not city-block, distance")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def compare(expected, got, case):
    if isinstance(got, np.ndarray):
        if got.ndim != 1 or got.dtype.kind not in "iu":
            return "return a flat list (or 1-D array) of int labels"
        got = got.tolist()
    if type(got) not in (list, tuple) or any(type(v) is not int for v in got):
        return "return a list of int labels, one per test row"
    if len(got) != len(expected):
        return f"expected {len(expected)} labels, one per row of X_test, got {len(got)}"
    for i, (e, g) in enumerate(zip(expected, got)):
        if e != g:
            return f"test row {i} {case.args['X_test'][i]}: expected label {e}, got {g}"
    return True
