import math

from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"values": []}, "empty list")
    yield labelled({"values": [4.0]}, "a single value")
    yield labelled({"values": [1.0, 2.0, 3.0]}, "three values")
    yield labelled({"values": [-2.0, 4.0, -6.0, 8.0]}, "negative values")
    yield labelled({"values": [5.0, 5.0, 5.0]}, "constant values")
    yield labelled({"values": [1, 2, 3, 4]}, "ints")
    for _ in range(24):
        n = int(rng.integers(2, 16))
        scale = float(rng.choice([1.0, 10.0, 100.0]))
        values = [round(float(v), 2) for v in rng.normal(0.0, scale, size=n)]
        yield {"values": values}
    yield hidden({"values": [float(v) for v in range(1, 101)]})
    yield hidden({"values": [1e6, -1e6, 3.0]})


def compare(expected, got, case):
    if type(got) is not list:
        return f"expected a list of floats, got {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} running means (one per value), got {len(got)}"
    for i, (value, want) in enumerate(zip(got, expected)):
        if type(value) is not float:
            return f"[{i}]: expected a float, got the {type(value).__name__} {value!r}"
        if not math.isclose(value, want, rel_tol=1e-6, abs_tol=1e-9):
            return f"[{i}]: expected {want!r}, got {value!r}"
    return True
