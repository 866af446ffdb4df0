import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n):
    ka, kb = int(rng.integers(1, 6)), int(rng.integers(1, 6))
    a = rng.integers(0, ka, size=n)
    if rng.uniform() < 0.5:  # b: a renamed, then some points moved
        names = rng.permutation(np.arange(10, 10 + ka))
        b = names[a]
        moved = rng.uniform(size=n) < rng.uniform(0.05, 0.4)
        b[moved] = rng.integers(10, 10 + max(ka, 2), size=int(moved.sum()))
    else:
        b = rng.integers(-2, -2 + kb, size=n)
    return {"labels_a": [int(v) for v in a], "labels_b": [int(v) for v in b]}


def cases(rng):
    yield labelled({"labels_a": [0, 0, 1, 1, 2], "labels_b": [5, 5, 3, 3, 3]}, "the worked example")
    yield labelled({"labels_a": [0, 0, 1, 1, 2, 2], "labels_b": [2, 2, 0, 0, 1, 1]}, "the same partition, renamed: 1")
    yield labelled({"labels_a": [1, 2], "labels_b": [7, 7]}, "two points, one pair, and they disagree: 0")
    yield labelled({"labels_a": [0, 0, 0, 0], "labels_b": [0, 1, 2, 3]}, "one cluster against all singletons")
    yield labelled({"labels_a": [0, 1, 0, 1, 0, 1, 0], "labels_b": [0, 1, 1, 0, 0, 1, 1]},
                   "equal labels at some positions mean nothing by themselves")
    for _ in range(22):
        yield _case(rng, int(rng.integers(2, 60)))
    yield hidden(_case(rng, 500))


def compare(expected, got, case):
    if type(got) not in (float, int):
        return f"return the Rand index as a float, not {type(got).__name__}"
    if not abs(got - expected) <= 1e-12:
        return f"expected a Rand index of {expected!r}, got {got!r}"
    return True
