import math

from mltrail.grading.contract import hidden, labelled

TOLERANCE = 1e-9  # radians, measured around the circle


def cases(rng):
    yield labelled({"theta": 7.0}, "a little more than one turn")
    yield labelled({"theta": 0.0}, "zero")
    yield labelled({"theta": math.pi}, "pi stays pi")
    yield labelled({"theta": -math.pi}, "-pi becomes pi")
    yield labelled({"theta": 1.5 * math.pi}, "three quarters of a turn is -pi/2")
    yield labelled({"theta": -2.5}, "already in range")
    yield labelled({"theta": -10.0}, "more than a turn clockwise")
    yield labelled({"theta": 100.0}, "many turns")
    yield labelled({"theta": 4.0}, "between pi and 2 pi")
    for _ in range(22):
        yield {"theta": round(float(rng.uniform(-60.0, 60.0)), 4)}
    yield hidden({"theta": round(float(rng.uniform(-1000.0, 1000.0)), 3)})
    yield hidden({"theta": -round(float(rng.uniform(3.2, 6.2)), 4)})


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if not (-math.pi < got <= math.pi):
        return f"{got!r} is outside (-pi, pi]"
    gap = abs(math.remainder(got - expected, 2.0 * math.pi))
    if gap > TOLERANCE:
        return f"expected {expected!r}, got {got!r} (not the same direction)"
    return True
