from functools import lru_cache

import numpy as np
from palmerpenguins import load_penguins

from mltrail.grading.contract import hidden, labelled

FEATURES = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "species", "island", "sex"]


@lru_cache(maxsize=None)
def _penguins():
    rows = load_penguins().dropna().reset_index(drop=True)
    return rows[FEATURES], rows["body_mass_g"].to_numpy(dtype=float)


def _split(train, test):
    X, y = _penguins()
    return {"X_train": X.iloc[train].copy(), "y_train": y[train].copy(), "X_test": X.iloc[test].copy()}


def _sample(rng):
    X, y = _penguins()
    n, m = int(rng.integers(12, 120)), int(rng.integers(1, 30))
    rows = rng.choice(len(y), size=n + m, replace=False)
    return _split(rows[:n], rows[n:])


def cases(rng):
    n = len(_penguins()[1])
    yield labelled(_split(np.arange(0, n, 2), np.arange(1, 6, 2)), "the worked example")
    yield labelled(_split(np.arange(0, n, 3), np.arange(1, n, 7)), "a third of the table for training")
    # Training rows from Biscoe and Dream only: Torgersen in the test rows is an unseen category.
    X, _ = _penguins()
    seen = np.flatnonzero(X["island"].to_numpy() != "Torgersen")[::4]
    unseen = np.flatnonzero(X["island"].to_numpy() == "Torgersen")[:5]
    yield labelled(_split(seen, unseen), "an island never seen in training")
    yield labelled(_split(np.arange(10, 40), np.array([0])), "thirty Adelie penguins, one test row")
    for _ in range(21):
        yield _sample(rng)
    yield hidden(_sample(rng))


def compare(expected, got, case):
    try:
        values = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return "return a list or array of predicted masses (floats)"
    if values.shape != (len(expected),):
        return f"expected {len(expected)} predictions (one per test row), got shape {values.shape}"
    tolerance = 1e-6 * float(np.max(np.abs(case.args["y_train"])))
    errors = np.abs(values - np.asarray(expected))
    if not np.all(errors <= tolerance):
        i = int(np.argmax(errors))
        return f"test row {i}: expected {round(float(expected[i]), 4)}, got {round(float(values[i]), 4)}"
    return True
