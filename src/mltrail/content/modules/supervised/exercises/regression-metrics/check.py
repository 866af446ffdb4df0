import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _problem(rng):
    n = int(rng.integers(2, 40))
    y = np.round(rng.normal(rng.uniform(-50, 50), rng.uniform(0.5, 20), size=n), 3)
    if np.all(y == y[0]):
        y[0] += 1.0
    quality = rng.uniform(0.0, 1.5)  # from perfect to worse than the mean
    pred = np.round(y + rng.normal(0.0, quality * y.std() + 0.1, size=n) + rng.normal(0.0, quality) * y.std(), 3)
    return {"y_true": y.tolist(), "y_pred": pred.tolist()}


def cases(rng):
    yield labelled({"y_true": [3.0, 5.0, 7.0, 9.0], "y_pred": [2.5, 5.0, 8.0, 8.0]}, "the worked example")
    yield labelled({"y_true": [3.0, 5.0, 7.0, 9.0], "y_pred": [9.0, 9.0, 9.0, 9.0]}, "worse than the mean: negative R^2")
    yield labelled({"y_true": [1.0, 2.0, 3.0], "y_pred": [1.0, 2.0, 3.0]}, "perfect predictions")
    yield labelled({"y_true": [1.0, 2.0, 3.0], "y_pred": [2.0, 2.0, 2.0]}, "predicting the mean: R^2 = 0")
    yield labelled({"y_true": [0.0, 0.0, 0.0, 10.0], "y_pred": [1.0, 1.0, 1.0, 1.0]}, "one large error: MSE and MAE disagree")
    yield labelled({"y_true": [2.0, 4.0], "y_pred": [4.0, 2.0]}, "swapped predictions")
    for _ in range(22):
        yield _problem(rng)
    yield hidden(_problem(rng))


def compare(expected, got, case):
    if type(got) is not dict:
        return f"return a dict, not {type(got).__name__}"
    if set(got) != {"mse", "mae", "r2"}:
        return f"the dict must have exactly the keys 'mse', 'mae' and 'r2'; got {sorted(got, key=str)!r}"
    for key in ("mse", "mae", "r2"):
        value = got[key]
        if type(value) not in (int, float):
            return f"{key}: expected a float, got {type(value).__name__}"
        if not math.isclose(value, expected[key], rel_tol=1e-9, abs_tol=1e-12):
            return f"{key}: expected {expected[key]!r}, got {value!r}"
    return True
