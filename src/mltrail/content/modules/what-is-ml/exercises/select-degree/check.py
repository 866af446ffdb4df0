import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _validation_errors(args):
    x, y = np.asarray(args["x_train"]), np.asarray(args["y_train"])
    out = []
    for d in range(args["max_degree"] + 1):
        w = np.linalg.lstsq(np.vander(x, d + 1, increasing=True), y, rcond=None)[0]
        out.append(float(np.mean((np.vander(np.asarray(args["x_val"]), d + 1, increasing=True) @ w - args["y_val"]) ** 2)))
    return out


def _draw(rng):
    max_degree = int(rng.integers(1, 7))
    n = int(rng.integers(max_degree + 3, max_degree + 16))
    edges = np.linspace(-1.0, 1.0, n + 1)
    x_train = rng.permutation(np.round(rng.uniform(edges[:-1], edges[1:]), 4))
    a, b, c, slope = rng.uniform(0.5, 3.0), rng.uniform(0.5, 4.0), rng.uniform(-np.pi, np.pi), rng.normal(0.0, 1.0)
    noise = rng.uniform(0.05, 0.6)

    def sample(x):
        return np.round(a * np.sin(b * x + c) + slope * x + rng.normal(0.0, noise, size=len(x)), 4)

    x_val = np.round(rng.uniform(-1.0, 1.0, size=int(rng.integers(3, 15))), 4)
    x_test = np.round(rng.uniform(-1.0, 1.0, size=int(rng.integers(3, 15))), 4)
    return {"x_train": x_train.tolist(), "y_train": sample(x_train).tolist(), "x_val": x_val.tolist(),
            "y_val": sample(x_val).tolist(), "x_test": x_test.tolist(), "y_test": sample(x_test).tolist(),
            "max_degree": max_degree}


def _case(rng):
    while True:  # no near-tie for the best validation error: the choice is the same by any method
        args = _draw(rng)
        errors = sorted(_validation_errors(args))
        if errors[1] - errors[0] > 1e-6 * (1.0 + errors[0]):
            return args


def cases(rng):
    yield labelled({"x_train": [-1.0, -0.5, 0.0, 0.5, 1.0], "y_train": [0.0, 0.5, 1.2, 1.4, 2.0],
                    "x_val": [-0.8, 0.3, 0.9], "y_val": [0.2, 1.3, 1.9], "x_test": [-0.3, 0.6], "y_test": [0.9, 1.5],
                    "max_degree": 3}, "the worked example")
    yield labelled({"x_train": [-1.0, -0.6, -0.1, 0.3, 0.7, 1.0], "y_train": [-1.0, -0.2, 0.8, 1.6, 2.4, 3.0],
                    "x_val": [-0.5, 0.5], "y_val": [0.0, 2.0], "x_test": [0.0, 0.9], "y_test": [1.0, 2.8],
                    "max_degree": 3}, "points on a line: degrees 1, 2 and 3 all fit exactly, the simplest wins")
    yield labelled({"x_train": [-0.9, -0.3, 0.2, 0.8], "y_train": [1.0, 3.0, 2.0, 2.0], "x_val": [0.0], "y_val": [2.5],
                    "x_test": [0.5, -0.5], "y_test": [1.0, 3.0], "max_degree": 0}, "only degree 0 to choose from")
    yield labelled({"x_train": [-1.0, -0.5, 0.0, 0.5, 1.0], "y_train": [1.1, 0.2, 0.0, 0.3, 0.9],
                    "x_val": [-0.7, 0.6], "y_val": [0.5, 0.35], "x_test": [-0.2, 0.8], "y_test": [0.5, 0.0],
                    "max_degree": 2}, "the test set would pick another degree than the validation set")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def compare(expected, got, case):
    if type(got) is not dict or set(got) != {"degree", "test_mse"}:
        return 'return a dict with exactly the keys "degree" and "test_mse"'
    if type(got["degree"]) is not int:
        return f"the degree must be an int, not {type(got['degree']).__name__}"
    if got["degree"] != expected["degree"]:
        return f"expected degree {expected['degree']} (the least validation error), got {got['degree']}"
    if type(got["test_mse"]) not in (int, float):
        return "test_mse must be a float"
    scale = float(np.mean(np.square(case.args["y_test"])))
    if not math.isclose(got["test_mse"], expected["test_mse"], rel_tol=1e-6, abs_tol=1e-10 * scale):
        return f"test MSE of degree {expected['degree']}: expected {expected['test_mse']!r}, got {got['test_mse']!r}"
    return True
