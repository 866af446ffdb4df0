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
    for _ in range(22):
        yield _data(rng, int(rng.integers(2, 16)))
    yield hidden(_data(rng, 50))
    yield hidden(_data(rng, 3))
