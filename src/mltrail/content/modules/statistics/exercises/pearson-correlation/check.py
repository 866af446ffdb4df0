import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _pair(rng, n, offset=0.0):
    while True:
        x = np.round(rng.normal(rng.uniform(-5, 5), rng.uniform(0.5, 5.0), size=n), 3) + offset
        slope = rng.uniform(-2, 2)
        y = np.round(slope * x + rng.normal(0.0, rng.uniform(0.2, 3.0), size=n), 3)
        if np.ptp(x) > 0.01 and np.ptp(y) > 0.01:
            return {"x": x, "y": y}


def cases(rng):
    yield labelled({"x": np.array([1.0, 2.0, 3.0, 4.0]), "y": np.array([2.0, 1.0, 4.0, 3.0])}, "the worked example")
    yield labelled({"x": np.array([1.0, 2.0, 3.0]), "y": np.array([10.0, 20.0, 30.0])}, "points on a rising line: r = 1")
    yield labelled({"x": np.array([0.0, 1.0, 2.0, 3.0]), "y": np.array([5.0, 3.0, 1.0, -1.0])}, "points on a falling line: r = -1")
    yield labelled({"x": np.array([-2.0, -1.0, 0.0, 1.0, 2.0]), "y": np.array([4.0, 1.0, 0.0, 1.0, 4.0])}, "y = x**2: r = 0")
    yield labelled({"x": np.array([1.0, 2.0]), "y": np.array([7.0, 3.0])}, "two points")
    yield labelled({"x": np.array([1.0, 2.0, 3.0, 4.0, 5.0]), "y": np.array([1.0, 1.0, 1.0, 1.0, 6.0])}, "one extreme point")
    yield labelled({"x": np.array([1e5 + 0.01, 1e5 + 0.03, 1e5 + 0.02, 1e5 + 0.05]), "y": np.array([1.0, 2.0, 4.0, 3.0])}, "x near 10**5 with small variations")
    for i in range(22):
        yield _pair(rng, int(rng.integers(3, 40)), offset=1e5 if i % 6 == 0 else 0.0)
    yield hidden(_pair(rng, 300))
    yield hidden({"x": np.array([3.0, 1.0, 2.0]), "y": np.array([1.0, 2.0, 3.0])})


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if not math.isclose(got, expected, rel_tol=1e-6, abs_tol=1e-8):
        return f"expected {expected!r}, got {got!r}"
    return True
