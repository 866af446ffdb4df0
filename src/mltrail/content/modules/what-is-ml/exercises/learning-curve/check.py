import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    k = int(rng.integers(2, 4))
    d = int(rng.integers(1, 4))
    centres = rng.normal(0.0, 1.5, size=(k, d))
    spread = rng.uniform(0.8, 2.0)
    n, v = int(rng.integers(8, 40)), int(rng.integers(5, 25))
    y_train = rng.integers(0, k, size=n)
    y_val = rng.integers(0, k, size=v)
    X_train = np.round(centres[y_train] + rng.normal(0.0, spread, size=(n, d)), 3)
    X_val = np.round(centres[y_val] + rng.normal(0.0, spread, size=(v, d)), 3)
    sizes = sorted(int(m) for m in rng.choice(np.arange(1, n + 1), size=min(n, int(rng.integers(2, 6))), replace=False))
    if rng.random() < 0.5:
        sizes[-1] = n  # often the whole training set at the end, as in a real curve
        sizes = sorted(set(sizes))
    return {"X_train": X_train.tolist(), "y_train": [int(c) for c in y_train], "X_val": X_val.tolist(),
            "y_val": [int(c) for c in y_val], "sizes": sizes}


def cases(rng):
    yield labelled({"X_train": [[4.0], [6.0], [0.0], [10.0], [1.0], [9.0]], "y_train": [1, 0, 0, 1, 0, 1],
                    "X_val": [[2.0], [8.0], [5.5], [4.5]], "y_val": [0, 1, 1, 0], "sizes": [2, 4, 6]}, "the worked example")
    yield labelled({"X_train": [[0.0, 0.0], [1.0, 0.0], [5.0, 5.0], [6.0, 5.0]], "y_train": [0, 0, 1, 1],
                    "X_val": [[0.5, 0.5], [5.5, 5.0]], "y_val": [0, 1], "sizes": [1, 2, 3]},
                    "one class only in the first rows: it is predicted everywhere")
    yield labelled({"X_train": [[0.0], [3.0], [1.0], [2.0]], "y_train": [5, 2, 5, 2], "X_val": [[1.5], [0.2], [2.9]],
                    "y_val": [2, 5, 2], "sizes": [4, 2]}, "sizes not in increasing order, a tie at 1.5 goes to label 2")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def _floats(value, name, size):
    if isinstance(value, np.ndarray):
        if value.ndim != 1 or value.dtype.kind not in "fiu":
            return None, f"{name} must be a flat list of floats"
        value = value.tolist()
    if type(value) not in (list, tuple) or any(type(v) not in (int, float) for v in value):
        return None, f"{name} must be a list of floats, one per size"
    if len(value) != size:
        return None, f"{name} must have {size} scores, one per size, got {len(value)}"
    return list(value), None


def compare(expected, got, case):
    if type(got) is not dict or set(got) != {"train", "validation"}:
        return 'return a dict with exactly the keys "train" and "validation"'
    sizes = case.args["sizes"]
    for key in ("train", "validation"):
        values, message = _floats(got[key], key, len(sizes))
        if message:
            return message
        for m, e, g in zip(sizes, expected[key], values):
            if not math.isclose(g, e, rel_tol=1e-9, abs_tol=1e-9):
                return f"{key} score for m = {m}: expected {e!r}, got {g!r}"
    return True
