import math

from mltrail.grading.contract import hidden, labelled


def _values(rng, n, centre, spread):
    return [round(float(v), 3) for v in rng.normal(centre, spread, size=n)]


def cases(rng):
    yield labelled({"train": [50.0, 70.0, 90.0, 110.0, 130.0], "test": [90.0, 150.0, 40.0]}, "the worked example")
    yield labelled({"train": [0.0, 2.0], "test": [1.0, 3.0, -1.0]}, "two training values")
    yield labelled({"train": [1.0, 2.0, 3.0, 4.0], "test": []}, "an empty test set")
    yield labelled({"train": [10.0, 20.0, 30.0], "test": [20.0, 20.0]}, "test values at the training mean")
    yield labelled({"train": [5.0, 5.0, 5.0, 9.0], "test": [5.0, 9.0, 100.0]}, "a far outlier in the test set")
    for i in range(22):
        centre = float(rng.uniform(-100, 100))
        spread = float(rng.uniform(0.5, 30))
        train = _values(rng, int(rng.integers(2, 30)), centre, spread)
        # The test set is drawn from a shifted distribution: its own statistics differ from the training ones.
        test = _values(rng, int(rng.integers(1, 15)), centre + rng.uniform(-1, 1) * spread, spread * rng.uniform(0.5, 2))
        yield {"train": train, "test": test}
    yield hidden({"train": _values(rng, 100, 1e6, 1.0), "test": _values(rng, 10, 1e6, 1.0)})
    yield hidden({"train": [-1.0, 3.0], "test": [0.5]})


def compare(expected, got, case):
    if type(got) is not list:
        return f"return a list of floats, not {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} z-scores (one per test value), got {len(got)}"
    for i, (e, g) in enumerate(zip(expected, got)):
        if type(g) is not float:
            return f"element {i}: return floats, not {type(g).__name__}"
        if not math.isclose(g, e, rel_tol=1e-6, abs_tol=1e-7):
            return f"element {i}: expected {e!r}, got {g!r}"
    return True
