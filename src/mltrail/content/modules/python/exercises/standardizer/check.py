import math

from mltrail.grading.contract import hidden, labelled, raises

LEARNED = [("mean_", None), ("std_", None)]  # attribute reads: what fit stored


def _calls(*steps):
    return {"init": {}, "calls": [[method, None if values is None else {"values": values}] for method, values in steps]}


def _floats(rng, n, loc, scale):
    return [round(float(v), 3) for v in rng.normal(loc, scale, size=n)]


def cases(rng):
    yield labelled(
        _calls(("fit", [2.0, 4.0, 6.0, 8.0]), *LEARNED, ("transform", [5.0, 7.0, 0.0])), "fit, then transform"
    )
    yield raises(_calls(("transform", [1.0, 2.0])), RuntimeError, label="transform before fit")
    yield labelled(_calls(("fit", [1.0, 3.0]), ("transform", [1.0, 3.0])), "transform the training data")
    yield labelled(_calls(("fit", [3.0, 3.0, 3.0]), *LEARNED, ("transform", [1.0, 3.0, 6.0])), "constant values: std 0")
    yield labelled(
        _calls(("fit", [0.1, 0.1, 0.1]), ("transform", [0.1, 1.1])), "equal values whose computed std is not exactly 0"
    )
    yield labelled(_calls(("fit", [5.0]), ("transform", [5.0, 6.0])), "a single training value")
    yield labelled(_calls(("fit", [-1.0, 1.0]), ("transform", [])), "transform an empty list")
    yield labelled(
        _calls(("fit", [0.0, 10.0]), ("transform", [5.0]), ("fit", [1.0, 2.0, 3.0]), ("transform", [2.0, 4.0])),
        "fit twice: the second fit replaces the first",
    )
    yield labelled(_calls(("fit", [1, 2, 3, 4, 5]), ("transform", [0, 6])), "int values")
    for i in range(24):
        loc = float(rng.normal(0.0, 50.0))
        scale = float(rng.uniform(0.5, 20.0))
        steps = [("fit", _floats(rng, int(rng.integers(2, 15)), loc, scale))]
        if i % 5 == 2:
            steps = [("fit", [round(loc, 1)] * int(rng.integers(2, 6)))]  # equal values: divide by 1
        if i % 2 == 0:
            steps += LEARNED
        steps.append(("transform", _floats(rng, int(rng.integers(0, 8)), loc, scale)))
        if i % 4 == 0:
            steps.append(("transform", _floats(rng, int(rng.integers(1, 5)), loc, scale)))
        if i % 6 == 1:
            steps.append(("fit", _floats(rng, int(rng.integers(2, 10)), -loc, scale * 2)))
            steps += LEARNED
            steps.append(("transform", _floats(rng, int(rng.integers(1, 6)), -loc, scale * 2)))
        yield _calls(*steps)
    yield hidden(_calls(("fit", [float(v) for v in range(100)]), ("transform", [0.0, 49.5, 99.0])))
    yield hidden(_calls(("fit", [-2.5, -2.5]), ("transform", [-2.5, 0.0])))


def compare(expected, got, case):
    """fit must return the object itself, store mean_ and std_; transform must return a list of floats."""
    calls = case.args["calls"]
    if type(got) is not list or len(got) != len(expected):
        return "not the expected results"
    for (method, _), want, value in zip(calls, expected, got):
        if method in ("mean_", "std_"):
            if type(value) not in (int, float):
                return f"after fit, {method} should be a number, but it is {value!r:.60}"
            if not math.isclose(value, want, rel_tol=1e-9, abs_tol=1e-9):
                return f"after fit, {method} should be {want!r}, but it is {value!r}"
            continue
        if method == "fit":
            if value is not want:
                return "fit must return self (the object itself), so that calls can be chained"
            continue
        if type(value) is not list:
            return f"transform: expected a list of floats, got {type(value).__name__}"
        if len(value) != len(want):
            return f"transform: expected {len(want)} values, got {len(value)}"
        for i, (v, w) in enumerate(zip(value, want)):
            if type(v) is not float:
                return f"transform: [{i}] expected a float, got the {type(v).__name__} {v!r}"
            if not math.isclose(v, w, rel_tol=1e-6, abs_tol=1e-9):
                return f"transform: [{i}] expected {w!r}, got {v!r}"
    return True
