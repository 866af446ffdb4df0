import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    n = int(rng.integers(3, 60))
    k = int(rng.integers(2, 6))
    y_true = rng.integers(0, k, size=n)
    # A classifier that is right with a random probability, wrong with a random other label.
    right = rng.random(n) < rng.uniform(0.2, 0.95)
    y_pred = (y_true + np.where(right, 0, rng.integers(1, k, size=n))) % k
    return {"y_true": [int(v) for v in y_true], "y_pred": [int(v) for v in y_pred]}


def cases(rng):
    yield labelled({"y_true": [0, 1, 1, 2, 2], "y_pred": [0, 1, 2, 2, 0]}, "the worked example")
    yield labelled({"y_true": [3, 3, 7], "y_pred": [3, 3, 7]}, "every prediction right")
    yield labelled({"y_true": [0, 1, 0, 1], "y_pred": [1, 0, 1, 0]}, "every prediction wrong")
    yield labelled({"y_true": [5], "y_pred": [4]}, "a single example")
    yield labelled({"y_true": [1, 0, 0, 0, 0, 0, 0, 1], "y_pred": [1, 0, 0, 0, 0, 0, 0, 0]}, "seven of eight right")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def compare(expected, got, case):
    if type(got) not in (int, float):
        return f"return the accuracy as a float, not {type(got).__name__}"
    if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-9):
        return f"expected accuracy {expected!r}, got {got!r}"
    return True
