import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    k = int(rng.integers(2, 5))
    d = int(rng.integers(2, 5))
    names = np.sort(rng.permutation(10)[:k])[::-1] if rng.random() < 0.5 else rng.permutation(10)[:k]
    centres = rng.normal(0.0, 2.0, size=(k, d))
    spread = rng.uniform(0.8, 2.5)
    which = rng.permutation(np.repeat(np.arange(k), rng.integers(2, 10, size=k)))
    X_train = np.round(centres[which] + rng.normal(0.0, spread, size=(len(which), d)), 3)
    # test points anywhere around the classes, many of them between two centroids
    X_test = np.round(rng.uniform(centres.min(axis=0) - 1.0, centres.max(axis=0) + 1.0, size=(int(rng.integers(6, 20)), d)), 3)
    return {"X_train": X_train.tolist(), "y_train": [int(names[j]) for j in which], "X_test": X_test.tolist()}


def cases(rng):
    yield labelled({"X_train": [[0.0, 0.0], [2.0, 0.0], [10.0, 10.0], [12.0, 10.0]], "y_train": [4, 4, 9, 9],
                    "X_test": [[1.0, 1.0], [9.0, 12.0], [6.0, 5.0]]}, "the worked example, with a tie")
    yield labelled({"X_train": [[0.0], [1.0], [5.0], [6.0], [20.0]], "y_train": [8, 8, 2, 2, 5],
                    "X_test": [[0.2], [4.0], [19.0], [12.0]]}, "labels that are not 0, 1, 2: return labels, not positions")
    yield labelled({"X_train": [[0.0, 0.0], [4.0, 0.0], [0.0, 3.0], [4.0, 3.0]], "y_train": [1, 1, 0, 0],
                    "X_test": [[2.0, 1.4], [2.0, 1.6], [2.0, 1.5]]}, "near the middle between two centroids")
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
