import math

from mltrail.grading.contract import hidden, labelled


def _coordinate(rng, scale):
    return round(float(rng.uniform(-scale, scale)), 3) + 0.0  # + 0.0 turns -0.0 into 0.0


def cases(rng):
    yield labelled({"x": -1.0, "y": 1.0}, "second quadrant")
    yield labelled({"x": -3.0, "y": -4.0}, "third quadrant")
    yield labelled({"x": 3.0, "y": -4.0}, "fourth quadrant")
    yield labelled({"x": 2.0, "y": 2.0}, "first quadrant")
    yield labelled({"x": -2.5, "y": 0.0}, "negative x-axis: the angle is pi")
    yield labelled({"x": 0.0, "y": -2.0}, "negative y-axis")
    yield labelled({"x": 0.0, "y": 0.5}, "positive y-axis")
    yield labelled({"x": 0.0, "y": 0.0}, "the origin")
    for _ in range(22):
        yield {"x": _coordinate(rng, 10.0), "y": _coordinate(rng, 10.0)}
    yield hidden({"x": -_coordinate(rng, 1.0) - 1.5, "y": -0.001})
    yield hidden({"x": _coordinate(rng, 1e4), "y": _coordinate(rng, 1e4)})


def compare(expected, got, case):
    if type(got) is not list or len(got) != 2 or any(type(c) is not float for c in got):
        return f"return a list [r, theta] of two floats, got {got!r}"
    r, theta = got
    if abs(r - expected[0]) > 1e-9 * max(1.0, expected[0]):
        return f"r: expected {expected[0]!r}, got {r!r}"
    if not (-math.pi < theta <= math.pi):
        return f"theta = {theta!r} is outside (-pi, pi]"
    if abs(math.remainder(theta - expected[1], 2 * math.pi)) > 1e-9:
        return f"theta: expected {expected[1]!r}, got {theta!r}"
    return True
