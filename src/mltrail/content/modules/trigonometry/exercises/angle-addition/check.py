import math

from mltrail.grading.contract import hidden, labelled


def _direction(angle):
    return [math.cos(angle), math.sin(angle)]


def cases(rng):
    yield labelled({"a": [0.0, 1.0], "b": [0.8, 0.6]}, "a quarter turn plus an angle")
    yield labelled({"a": [1.0, 0.0], "b": [0.6, -0.8]}, "adding zero")
    yield labelled({"a": [0.6, 0.8], "b": [0.6, -0.8]}, "an angle plus its opposite")
    yield labelled({"a": [-1.0, 0.0], "b": [-1.0, 0.0]}, "two half turns")
    yield labelled({"a": [0.8, 0.6], "b": [0.8, 0.6]}, "doubling an angle")
    for _ in range(22):
        alpha, beta = (float(v) for v in rng.uniform(-math.pi, math.pi, size=2))
        yield {"a": _direction(alpha), "b": _direction(beta)}
    for _ in range(2):
        alpha, beta = (float(v) for v in rng.uniform(-10.0, 10.0, size=2))
        yield hidden({"a": _direction(alpha), "b": _direction(beta)})


def compare(expected, got, case):
    if type(got) is not list or len(got) != 2 or any(type(v) is not float for v in got):
        return f"return a list [cos, sin] of two floats, got {got!r}"
    # Inputs are within 1e-16 of the unit circle; any route (products, atan2) agrees to 1e-12.
    if any(abs(g - e) > 1e-9 for g, e in zip(got, expected)):
        return f"expected {expected!r}, got {got!r}"
    return True
