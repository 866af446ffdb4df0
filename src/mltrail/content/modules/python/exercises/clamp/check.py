import math
from numbers import Integral

from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"x": 5, "low": 0, "high": 10}, "inside the range")
    yield labelled({"x": -3, "low": 0, "high": 10}, "below the range")
    yield labelled({"x": 12, "low": 0, "high": 10}, "above the range")
    yield labelled({"x": 0, "low": 0, "high": 10}, "on the lower bound")
    yield labelled({"x": 10, "low": 0, "high": 10}, "on the upper bound")
    yield labelled({"x": 2.5, "low": -1.0, "high": 1.0}, "float above the range")
    yield labelled({"x": -7.25, "low": -1.5, "high": 1.5}, "negative float below the range")
    yield labelled({"x": 0.5, "low": 0, "high": 1}, "float inside int bounds")
    yield labelled({"x": 3, "low": 0.0, "high": 1.0}, "int above float bounds")
    yield labelled({"x": -4, "low": -2.5, "high": 2.5}, "int below float bounds")
    yield labelled({"x": 4, "low": 4, "high": 4}, "low equals high")
    yield labelled({"x": -9, "low": -20, "high": -10}, "negative range, above it")
    for i in range(24):
        kind = i % 3
        if kind == 0:  # all ints
            low = int(rng.integers(-50, 50))
            high = low + int(rng.integers(0, 30))
            x = int(rng.integers(low - 20, high + 21))
        elif kind == 1:  # all floats
            low = round(float(rng.normal(0.0, 10.0)), 2)
            high = round(low + float(rng.uniform(0.0, 20.0)), 2)
            x = round(float(rng.normal((low + high) / 2, 15.0)), 3)
        else:  # int x, float bounds that are never whole numbers (no ties)
            low = int(rng.integers(-30, 30)) + 0.5
            high = low + int(rng.integers(0, 20))
            x = int(rng.integers(int(low) - 15, int(high) + 16))
        yield {"x": x, "low": low, "high": high}
    yield hidden({"x": 1e9, "low": -1.0, "high": 1.0})
    yield hidden({"x": -1000, "low": -999, "high": 999})


def compare(expected, got, case):
    if isinstance(got, bool) or not isinstance(got, (Integral, float)):
        return f"expected a number, got {type(got).__name__}"
    if isinstance(expected, int) and not isinstance(got, Integral):
        return (
            f"expected the int {expected!r}, got the {type(got).__name__} {got!r}: "
            "return the value itself, do not convert it"
        )
    if isinstance(expected, float) and not isinstance(got, float):
        return (
            f"expected the float {expected!r}, got the {type(got).__name__} {got!r}: "
            "return the value itself, do not convert it"
        )
    if not math.isclose(float(got), float(expected), rel_tol=1e-9, abs_tol=0.0):
        return f"expected {expected!r}, got {got!r}"
    return True
