import numpy as np

from mltrail.grading.contract import Iterated, hidden, labelled


def cases(rng):
    yield labelled({"n": 7, "k": 3}, "the worked example: folds of 3, 2 and 2")
    yield labelled({"n": 6, "k": 3}, "k divides n: equal folds")
    yield labelled({"n": 5, "k": 5}, "k = n: leave one out")
    yield labelled({"n": 9, "k": 2}, "two folds of 5 and 4")
    yield labelled({"n": 14, "k": 4}, "the first two of four folds are longer")
    for _ in range(22):
        n = int(rng.integers(2, 120))
        yield {"n": n, "k": int(rng.integers(2, min(n, 12) + 1))}
    yield hidden({"n": 1003, "k": 10})


def _indices(value, what):
    if isinstance(value, np.ndarray):
        if value.ndim != 1 or value.dtype.kind not in "iu":
            return None, f"{what}: expected a 1-D array of ints"
        return value.tolist(), None
    if type(value) is not list or any(type(v) is not int for v in value):
        return None, f"{what}: expected a list of ints"
    return value, None


def compare(expected, got, case):
    if type(got) is Iterated:
        return "return a list of (train, test) pairs, not a generator: collect the pairs in a list"
    if type(got) not in (list, tuple):
        return f"return a list of (train, test) pairs, not {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} folds, got {len(got)}"
    for i, (pair, (train_want, test_want)) in enumerate(zip(got, expected)):
        if type(pair) not in (list, tuple) or len(pair) != 2:
            return f"fold {i}: expected a pair (train, test)"
        train, message = _indices(pair[0], f"fold {i} train")
        if message:
            return message
        test, message = _indices(pair[1], f"fold {i} test")
        if message:
            return message
        if test != test_want:
            return f"fold {i}: expected test indices {test_want!r}, got {test!r}"
        if train != train_want:
            return f"fold {i}: expected the training indices to be every other index in order, {train_want!r}; got {train!r}"
    return True
