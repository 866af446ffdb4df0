import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"values": [0.0, 1.0, -40.0, 800.0]}, "the worked example")
    yield labelled({"values": [710.0, 1000.0, 5.0]}, "large positive values: e**x overflows")
    yield labelled({"values": [-20.0, -40.0, -745.0, -1000.0]}, "very negative values: softplus(x) is about e**x")
    yield labelled({"values": [-1e-10, 0.0, 1e-10]}, "values around 0: log(2)")
    yield labelled({"values": []}, "an empty list")
    for i in range(22):
        n = int(rng.integers(3, 12))
        if i % 3 == 0:
            values = rng.uniform(-1000.0, 1000.0, size=n)
        else:
            values = rng.normal(0.0, 20.0, size=n)
        values[int(rng.integers(0, n))] = rng.uniform(-5.0, 5.0)  # so that the output never equals the input
        yield {"values": [float(v) for v in values]}
    yield hidden({"values": [float(v) for v in rng.uniform(-60.0, -15.0, size=20)]})


def compare(expected, got, case):
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"return floats, not an array of dtype {got.dtype}"
        got = got.tolist()
    if not isinstance(got, list):
        return f"return a list of floats, not {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} values, got {len(got)}"
    for i, (e, g) in enumerate(zip(expected, got)):
        if type(g) is not float:
            return f"value {i} must be a float, not {type(g).__name__}"
        if not math.isclose(g, e, rel_tol=1e-9, abs_tol=1e-300):
            x = case.args["values"][i]
            return f"softplus({x!r}): expected {e!r}, got {g!r}"
    return True
