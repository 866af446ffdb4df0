import math

from mltrail.grading.contract import hidden, labelled


def _noisy(rng, n, offset, spread):
    return [float(offset + v) for v in rng.normal(0.0, spread, size=n)]


def cases(rng):
    yield labelled({"values": [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]}, "the worked example")
    yield labelled({"values": [1.0, 3.0]}, "two values")
    yield labelled({"values": [5.0, 5.0, 5.0, 5.0]}, "all equal: variance 0")
    yield labelled({"values": [-1.0, 0.0, 1.0]}, "centred values")
    yield labelled({"values": [1e9 + 1.0, 1e9 + 2.0, 1e9 + 3.0]}, "a large offset (1e9) plus 1, 2, 3")
    yield labelled({"values": [1.7e9 + v for v in (0.004, 0.001, 0.003, 0.0, 0.002)]}, "timestamps with millisecond jitter")
    for i in range(24):
        n = int(rng.integers(2, 40))
        if i % 3 == 0:
            values = _noisy(rng, n, float(rng.choice([1e6, 1e8, 1e9])) * rng.uniform(1, 2), rng.uniform(0.5, 3.0))
        else:
            values = _noisy(rng, n, rng.uniform(-20, 20), rng.uniform(0.1, 10.0))
        yield {"values": values}
    yield hidden({"values": _noisy(rng, 500, 3e9, 1.0)})
    yield hidden({"values": [0.1, 0.2]})


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if not math.isclose(got, expected, rel_tol=1e-6, abs_tol=1e-12):
        return f"expected {expected!r}, got {got!r}"
    return True
