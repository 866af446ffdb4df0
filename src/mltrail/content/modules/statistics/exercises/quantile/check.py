import math

from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"values": [12, 15, 11, 40, 13, 14, 12], "q": 0.9}, "p90 between two sorted values")
    yield labelled({"values": [3.0, 1.0, 2.0], "q": 0.5}, "median of an odd count, unsorted")
    yield labelled({"values": [4.0, 1.0, 3.0, 2.0], "q": 0.5}, "median of an even count: halfway between the middle two")
    yield labelled({"values": [7.5], "q": 0.3}, "a single value")
    yield labelled({"values": [5.0, -2.0, 9.0, 1.0], "q": 0.0}, "q = 0 is the minimum")
    yield labelled({"values": [5.0, -2.0, 9.0, 1.0], "q": 1.0}, "q = 1 is the maximum")
    yield labelled({"values": [2.0, 2.0, 2.0, 8.0, 8.0], "q": 0.25}, "repeated values")
    yield labelled({"values": [10.0, 0.0, 20.0, 30.0, 40.0], "q": 0.1}, "interpolation inside the first gap")
    for i in range(22):
        n = int(rng.integers(2, 30))
        values = [round(float(v), 2) for v in rng.normal(rng.uniform(-50, 50), rng.uniform(1, 20), size=n)]
        q = round(float(rng.uniform(0.02, 0.98)), 3)
        if i % 4 == 0:
            values = [int(v) for v in rng.integers(0, 100, size=n)]
        yield {"values": values, "q": q}
    yield hidden({"values": [float(v) for v in rng.exponential(3.0, size=101)], "q": 0.99})
    yield hidden({"values": [1.0, 100.0], "q": 0.25})


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-9):
        return f"expected {expected!r}, got {got!r}"
    return True
