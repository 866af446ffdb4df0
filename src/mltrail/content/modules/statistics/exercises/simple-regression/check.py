import numpy as np

from mltrail.grading.contract import hidden, labelled


def _data(rng, n, offset=0.0):
    while True:
        x = np.round(rng.uniform(0.0, 20.0, size=n), 2)
        if np.ptp(x) > 0.5:
            break
    slope = rng.uniform(-3.0, 3.0)
    y = np.round(slope * x + rng.uniform(-10, 10) + rng.normal(0.0, rng.uniform(0.2, 8.0), size=n), 2)
    if np.ptp(y) == 0:
        y[0] += 1.0
    return {"x": x + offset, "y": y}


def cases(rng):
    yield labelled({"x": np.array([1.0, 2.0, 3.0, 4.0, 5.0]), "y": np.array([3.0, 5.0, 6.0, 9.0, 10.0])}, "the worked example")
    yield labelled({"x": np.array([0.0, 2.0]), "y": np.array([1.0, 5.0])}, "two points: an exact fit, R squared 1")
    yield labelled({"x": np.array([1.0, 2.0, 3.0, 4.0]), "y": np.array([8.0, 6.0, 4.0, 2.0])}, "a falling exact line")
    yield labelled({"x": np.array([-2.0, -1.0, 0.0, 1.0, 2.0]), "y": np.array([4.0, 1.0, 0.0, 1.0, 4.0])}, "a parabola: slope 0 and R squared 0")
    yield labelled({"x": np.array([1e6 + 1, 1e6 + 2, 1e6 + 3, 1e6 + 4]), "y": np.array([1.0, 3.0, 2.0, 5.0])}, "x near one million")
    yield labelled({"x": np.array([1e6 + 0.1, 1e6 + 0.2, 1e6 + 0.4, 1e6 + 0.3, 1e6 + 0.5]), "y": np.array([1.0, 3.0, 2.0, 5.0, 4.0])}, "x near one million, in small steps")
    yield labelled({"x": np.array([3.0, 1.0, 2.0, 1.0, 5.0]), "y": np.array([2.0, 1.0, 2.5, 0.5, 3.0])}, "unsorted x with a repeated value")
    for i in range(22):
        offset = float(rng.choice([1e4, 1e6])) if i % 4 == 0 else 0.0
        yield _data(rng, int(rng.integers(3, 40)), offset)
    yield hidden(_data(rng, 400, 5e5))
    yield hidden({"x": np.array([0.0, 1.0, 2.0]), "y": np.array([0.0, 0.0, 3.0])})


def compare(expected, got, case):
    if type(got) is not tuple or len(got) != 3:
        return "return a tuple of three floats: (slope, intercept, r_squared)"
    for name, g in zip(("slope", "intercept", "r_squared"), got):
        if type(g) is not float:
            return f"{name} must be a float, not {type(g).__name__}"
    slope, intercept, r2 = expected
    x, y = np.asarray(case.args["x"]), np.asarray(case.args["y"])
    y_scale = float(np.std(y)) + abs(float(np.mean(y)))
    # The slope is known to about y_scale / (std(x) * 1e6); the intercept inherits that error times |mean(x)|.
    slope_tol = 1e-6 * (abs(slope) + y_scale / float(np.std(x)))
    intercept_tol = 1e-6 * (abs(intercept) + y_scale + slope_tol * 1e6 * abs(float(np.mean(x))))
    if abs(got[0] - slope) > slope_tol:
        return f"slope: expected {slope!r}, got {got[0]!r}"
    if abs(got[1] - intercept) > intercept_tol:
        return f"intercept: expected {intercept!r}, got {got[1]!r}"
    if abs(got[2] - r2) > 1e-6:
        return f"r_squared: expected {r2!r}, got {got[2]!r}"
    return True
