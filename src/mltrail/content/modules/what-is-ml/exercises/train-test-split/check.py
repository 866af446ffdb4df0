import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    # never a size where test_percent / 100 * n (scikit-learn's order of operations) lands a
    # hair above a whole number, as 14 / 100 * 50 = 7.000000000000001 does: a learner who
    # computes the rule that way is right, and must not fail on a rounding error
    while True:
        n, percent = int(rng.integers(5, 120)), int(rng.integers(10, 51))
        if math.ceil(percent / 100 * n) == math.ceil(n * percent / 100):
            return {"permutation": [int(v) for v in rng.permutation(n)], "test_percent": percent}


def cases(rng):
    yield labelled({"permutation": [4, 0, 6, 2, 1, 5, 3], "test_percent": 25}, "the worked example")
    yield labelled({"permutation": [3, 1, 0, 2, 4, 9, 5, 7, 6, 8], "test_percent": 20},
                   "20 % of 10 rows is exactly 2")
    yield labelled({"permutation": [1, 0, 2], "test_percent": 50}, "half of 3 rounds up to 2 test rows")
    yield labelled({"permutation": [5, 2, 8, 0, 7, 1, 3, 6, 4, 10, 9], "test_percent": 10},
                   "10 % of 11 rows is 1.1: 2 test rows")
    yield labelled({"permutation": [1, 0], "test_percent": 30}, "two rows")
    yield labelled({"permutation": [int(v) for v in np.random.default_rng(7).permutation(100)], "test_percent": 35},
                   "35 % of 100 rows: 35 test rows")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def _as_index_list(value, name):
    if isinstance(value, np.ndarray):
        if value.ndim != 1 or value.dtype.kind not in "iu":
            return None, f"{name} must be a 1-D array of ints"
        value = value.tolist()
    if type(value) not in (list, tuple) or any(type(v) is not int for v in value):
        return None, f"{name} must be a list of ints"
    return list(value), None


def compare(expected, got, case):
    if type(got) not in (tuple, list) or len(got) != 2:
        return "return a tuple (train, test) of two lists of indices"
    parts = []
    for name, value in zip(("train", "test"), got):
        part, message = _as_index_list(value, name)
        if message:
            return message
        parts.append(part)
    train, test = parts
    want_train, want_test = expected
    n = len(case.args["permutation"])
    if len(test) != len(want_test):
        return f"with n = {n} and test_percent = {case.args['test_percent']} the test set has {len(want_test)} rows, got {len(test)}"
    if len(train) != len(want_train):
        return f"the training set has {len(want_train)} rows, got {len(train)}"
    if set(train) & set(test):
        return "an index is in both the training and the test set"
    if sorted(train) != sorted(want_train) or sorted(test) != sorted(want_test):
        return "the training set must be the first n - n_test entries of the permutation, the test set the last n_test"
    return True
