import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    k = int(rng.integers(2, 5))
    names = rng.permutation(10)[:k]
    counts = rng.integers(2, 30, size=k)
    labels = rng.permutation(np.repeat(names, counts))
    return {"labels": [int(v) for v in labels], "permutation": [int(v) for v in rng.permutation(len(labels))],
            "test_percent": int(rng.integers(10, 51))}


def cases(rng):
    yield labelled({"labels": [0, 0, 1, 1, 1, 0, 1, 1], "permutation": [7, 0, 2, 5, 1, 6, 4, 3], "test_percent": 25},
                   "the worked example")
    yield labelled({"labels": [1, 1, 1, 1, 1, 1, 1, 1, 0, 0], "permutation": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
                    "test_percent": 20}, "sorted by class: a plain split would test only class 0")
    yield labelled({"labels": [2, 5, 2, 5], "permutation": [3, 2, 1, 0], "test_percent": 50},
                   "two rows per class, one of each tested")
    yield labelled({"labels": [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 2, 2, 2], "permutation": [12, 0, 11, 1, 10, 2, 3, 4, 5, 6, 7, 8, 9],
                    "test_percent": 30}, "three classes, each rounded up on its own")
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
    labels = case.args["labels"]
    if len(set(train)) != len(train) or len(set(test)) != len(test):
        return "an index appears twice"
    if set(train) & set(test):
        return "an index is in both the training and the test set"
    if set(train) | set(test) != set(range(len(labels))):
        return "every row must be in the training or the test set"
    for c in sorted(set(labels)):
        want = sum(1 for i in want_test if labels[i] == c)
        have = sum(1 for i in test if labels[i] == c)
        if have != want:
            n_c = labels.count(c)
            return f"class {c} has {n_c} rows, so {want} of them belong in the test set; got {have}"
    if sorted(test) != sorted(want_test):
        return "within each class, the test rows are the LAST ones in the order of the permutation"
    return True
