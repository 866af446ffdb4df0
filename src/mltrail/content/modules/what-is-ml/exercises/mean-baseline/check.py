import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    centre, spread = rng.uniform(-50, 150), rng.uniform(0.5, 40)
    shift = rng.normal(0.0, spread)  # the test set may sit a little away from the training set
    y_train = np.round(rng.normal(centre, spread, size=int(rng.integers(2, 40))), 3)
    y_test = np.round(rng.normal(centre + shift, spread, size=int(rng.integers(2, 30))), 3)
    return {"y_train": y_train.tolist(), "y_test": y_test.tolist()}


def cases(rng):
    yield labelled({"y_train": [1.0, 2.0, 6.0], "y_test": [1.0, 4.0]}, "the worked example")
    yield labelled({"y_train": [10.0, 20.0], "y_test": [30.0, 30.0, 30.0]},
                   "a test set far from the training mean: its own mean would give 0")
    yield labelled({"y_train": [5.0], "y_test": [5.0]}, "one value each, predicted exactly")
    yield labelled({"y_train": [0.0, 4.0], "y_test": [0.0, 8.0]}, "the median of y_test would be wrong too")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def compare(expected, got, case):
    if type(got) not in (int, float):
        return f"return the mean squared error as a float, not {type(got).__name__}"
    # Every term is a square of a difference of the inputs: relative accuracy near 1e-15
    # for any summation order, so 1e-9 relative is generous.
    if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12):
        return f"expected a mean squared error of {expected!r}, got {got!r}"
    return True
