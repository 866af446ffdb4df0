import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _problem(rng):
    n = int(rng.integers(1, 60))
    rate = float(rng.choice([0.05, 0.2, 0.5, 0.8]))
    y_true = (rng.random(n) < rate).astype(int)
    skill = rng.uniform(0.3, 0.95)
    flip = rng.random(n) > skill
    y_pred = np.where(flip, (rng.random(n) < rng.uniform(0.0, 1.0)).astype(int), y_true)
    return {"y_true": [int(v) for v in y_true], "y_pred": [int(v) for v in y_pred]}


def cases(rng):
    yield labelled({"y_true": [1, 1, 1, 0, 0, 0, 0, 0], "y_pred": [1, 1, 0, 1, 1, 0, 0, 0]}, "the worked example")
    yield labelled({"y_true": [1, 0, 0, 0, 0], "y_pred": [0, 0, 0, 0, 0]}, "nothing predicted positive: precision 0.0")
    yield labelled({"y_true": [0, 0, 0], "y_pred": [0, 1, 0]}, "no positive example: recall 0.0")
    yield labelled({"y_true": [1, 0, 1, 0], "y_pred": [0, 1, 0, 1]}, "every prediction wrong")
    yield labelled({"y_true": [0, 1, 1, 0, 1], "y_pred": [0, 1, 1, 0, 1]}, "every prediction right")
    yield labelled({"y_true": [1, 1, 1, 1, 0], "y_pred": [1, 0, 0, 0, 0]}, "high precision, low recall")
    for _ in range(22):
        yield _problem(rng)
    yield hidden(_problem(rng))


KEYS = ("accuracy", "precision", "recall", "f1", "confusion")


def compare(expected, got, case):
    if type(got) is not dict:
        return f"return a dict, not {type(got).__name__}"
    if set(got) != set(KEYS):
        return f"the dict must have exactly the keys {', '.join(KEYS)}; got {sorted(got, key=str)!r}"
    for key in KEYS[:4]:
        value = got[key]
        if type(value) not in (int, float):
            return f"{key}: expected a float, got {type(value).__name__}"
        if not math.isclose(value, expected[key], rel_tol=1e-9, abs_tol=1e-12):
            return f"{key}: expected {expected[key]!r}, got {value!r}"
    matrix = got["confusion"]
    if isinstance(matrix, np.ndarray) or type(matrix) is not list or len(matrix) != 2 or any(
        type(row) is not list or len(row) != 2 or any(type(v) is not int for v in row) for row in matrix
    ):
        return "confusion: expected a list of two lists of two ints, [[tn, fp], [fn, tp]]"
    if matrix != expected["confusion"]:
        return f"confusion: expected {expected['confusion']!r} (rows: true class, columns: predicted class), got {matrix!r}"
    return True
