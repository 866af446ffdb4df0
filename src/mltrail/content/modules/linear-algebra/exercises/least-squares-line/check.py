import numpy as np

from mltrail.grading.contract import hidden, labelled


def _data(rng, n):
    while True:
        x = np.round(rng.uniform(-5.0, 10.0, size=n), 2)
        if np.ptp(x) > 0.5:
            break
    slope = rng.uniform(-3.0, 3.0)
    intercept = rng.uniform(-5.0, 5.0)
    noise = rng.normal(0.0, rng.uniform(0.1, 2.0), size=n)
    y = np.round(slope * x + intercept + noise, 2)
    if rng.random() < 0.25:
        x = x + float(rng.choice([-1e6, 1e6, 2e6]))  # x far from 0, like timestamps
    return {"x": x, "y": y}


def cases(rng):
    yield labelled({"x": np.array([0.0, 2.0]), "y": np.array([1.0, 5.0])}, "two points: the line through them")
    yield labelled(
        {"x": np.array([1.0, 2.0, 3.0, 4.0]), "y": np.array([2.5, 2.0, 1.5, 1.0])},
        "points exactly on a falling line",
    )
    yield labelled({"x": np.array([1.0, 5.0, 9.0]), "y": np.array([2.0, 2.0, 2.0])}, "a horizontal line")
    yield labelled(
        {"x": np.array([0.0, 1.0, 2.0, 3.0]), "y": np.array([1.0, 2.0, 4.0, 5.0])}, "noisy points"
    )
    yield labelled(
        {"x": np.array([1.0, 1.0, 2.0, 2.0]), "y": np.array([0.0, 2.0, 3.0, 5.0])}, "repeated x values"
    )
    yield labelled(
        {"x": np.array([3.0, -1.0, 2.0, 0.0, 5.0]), "y": np.array([7.0, -2.0, 4.0, 1.0, 9.0])},
        "x values not sorted",
    )
    yield labelled(
        {"x": 1e6 + np.array([0.0, 1.0, 2.0, 3.0]), "y": np.array([1.0, 3.0, 4.0, 4.0])},
        "x near 1e6: centre x, or the normal equations lose digits",
    )
    yield labelled(
        {"x": np.array([2020.0, 2021.0, 2022.0, 2023.0, 2024.0]), "y": np.array([3.1, 3.4, 3.2, 3.9, 4.1])},
        "x values are years",
    )
    for _ in range(22):
        yield _data(rng, int(rng.integers(2, 16)))
    yield hidden(_data(rng, 50))
    yield hidden(_data(rng, 3))


def compare(expected, got, case):
    if type(got) is not tuple or len(got) != 2:
        return f"expected a tuple (slope, intercept), got {type(got).__name__} {got!r}"
    if any(type(value) is not float for value in got):
        return f"expected two floats, got {got!r}"
    slope, intercept = got
    want_slope, want_intercept = expected
    if not np.isclose(slope, want_slope, rtol=1e-6, atol=1e-9):
        return f"slope: expected {want_slope!r}, got {slope!r}"
    # The intercept is read off at x = 0, far from the data when x has an offset: there it
    # inherits the slope's error times the mean of x.
    x_mean = float(np.mean(case.args["x"]))
    if abs(intercept - want_intercept) > 1e-9 + 1e-6 * (abs(want_intercept) + abs(want_slope * x_mean)):
        return f"intercept: expected {want_intercept!r}, got {intercept!r}"
    return True
