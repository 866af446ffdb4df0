import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _curve(rng):
    a, b, c = rng.uniform(0.5, 3.0), rng.uniform(0.5, 4.0), rng.uniform(-np.pi, np.pi)
    slope = rng.normal(0.0, 1.0)
    return lambda x: a * np.sin(b * x + c) + slope * x


def _case(rng):
    max_degree = int(rng.integers(1, 7))
    n = int(rng.integers(max_degree + 3, max_degree + 20))
    # one x per equal slice of [-1, 1]: distinct and spread out, so every fit is well conditioned
    edges = np.linspace(-1.0, 1.0, n + 1)
    x_train = np.round(rng.uniform(edges[:-1], edges[1:]), 4)
    m = int(rng.integers(1, 25))
    x_test = np.round(rng.uniform(-1.0, 1.0, size=m), 4)
    f, noise = _curve(rng), rng.uniform(0.05, 0.6)
    y_train = np.round(f(x_train) + rng.normal(0.0, noise, size=n), 4)
    y_test = np.round(f(x_test) + rng.normal(0.0, noise, size=m), 4)
    order = rng.permutation(n)  # in no particular order, as data comes
    return {"x_train": x_train[order].tolist(), "y_train": y_train[order].tolist(),
            "x_test": x_test.tolist(), "y_test": y_test.tolist(), "max_degree": max_degree}


def cases(rng):
    yield labelled({"x_train": [-1.0, -0.5, 0.0, 0.5, 1.0], "y_train": [0.0, 0.5, 1.2, 1.4, 2.0],
                    "x_test": [-0.8, 0.3, 0.9], "y_test": [0.2, 1.3, 1.9], "max_degree": 3}, "the worked example")
    yield labelled({"x_train": [-0.9, -0.2, 0.4, 0.8], "y_train": [3.0, 1.0, 2.0, 2.0], "x_test": [0.0],
                    "y_test": [1.0], "max_degree": 0}, "degree 0 only: the mean predictor")
    yield labelled({"x_train": [0.9, -0.6, 0.1, -1.0, 0.5, 0.3], "y_train": [0.81, 0.36, 0.01, 1.0, 0.25, 0.09],
                    "x_test": [0.7, -0.2], "y_test": [0.49, 0.04], "max_degree": 3},
                    "y = x**2 exactly, unsorted x: from degree 2 on both errors are 0")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def _floats(value, name, size):
    if isinstance(value, np.ndarray):
        if value.ndim != 1 or value.dtype.kind not in "fiu":
            return None, f"{name} must be a flat list of floats"
        value = value.tolist()
    if type(value) not in (list, tuple) or any(type(v) not in (int, float) for v in value):
        return None, f"{name} must be a list of floats, one per degree"
    if len(value) != size:
        return None, f"{name} must have {size} errors, for the degrees 0 to {size - 1}, got {len(value)}"
    return list(value), None


def compare(expected, got, case):
    if type(got) is not dict or set(got) != {"train", "test"}:
        return 'return a dict with exactly the keys "train" and "test"'
    size = case.args["max_degree"] + 1
    # Least squares on these spread-out x is well conditioned (the matrix of powers has a
    # condition number of a few hundred at most): any method, even the normal equations,
    # agrees to far better than 1e-6 relative. The
    # absolute part covers errors that are 0 up to rounding (an exact fit).
    scale = float(np.mean(np.square(case.args["y_train"] + case.args["y_test"])))
    for key in ("train", "test"):
        values, message = _floats(got[key], key, size)
        if message:
            return message
        for degree, (e, g) in enumerate(zip(expected[key], values)):
            if not math.isclose(g, e, rel_tol=1e-6, abs_tol=1e-10 * scale):
                return f"{key} error of degree {degree}: expected {e!r}, got {g!r}"
    return True
