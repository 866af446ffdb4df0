import math

from mltrail.grading.contract import hidden, labelled


def _values(rng, n):
    values = [round(float(v), 4) for v in rng.normal(rng.uniform(-10, 10), rng.uniform(0.1, 5.0), size=n)]
    if len(set(values)) == 1:
        values[0] += 1.0
    return values


def cases(rng):
    yield labelled({"values": [0.81, 0.84, 0.79, 0.83, 0.80], "confidence": 0.95}, "the worked example")
    yield labelled({"values": [1.0, 3.0], "confidence": 0.95}, "two values: one degree of freedom")
    yield labelled({"values": [10.0, 12.0, 11.0, 13.0, 9.0, 11.0], "confidence": 0.9}, "a 90 % interval")
    yield labelled({"values": [10.0, 12.0, 11.0, 13.0, 9.0, 11.0], "confidence": 0.99}, "a 99 % interval")
    for _ in range(22):
        confidence = float(rng.choice([0.8, 0.9, 0.95, 0.99]))
        yield {"values": _values(rng, int(rng.integers(2, 40))), "confidence": confidence}
    yield hidden({"values": _values(rng, 400), "confidence": 0.95})
    yield hidden({"values": [-2.0, 0.0, 5.0], "confidence": 0.5})


def compare(expected, got, case):
    if type(got) is not tuple or len(got) != 2:
        return "return a tuple of two floats: (low, high)"
    width = expected[1] - expected[0]
    for name, e, g in zip(("low", "high"), expected, got):
        if type(g) is not float:
            return f"{name} must be a float, not {type(g).__name__}"
        if abs(g - e) > 1e-7 * width + 1e-9 * abs(e):
            return f"{name}: expected {e!r}, got {g!r}"
    return True
