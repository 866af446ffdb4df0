import math

from mltrail.grading.contract import hidden, labelled


def _matrix(theta):
    c, s = math.cos(theta), math.sin(theta)
    return [[c, -s], [s, c]]


def cases(rng):
    yield labelled({"R": [[0.6, -0.8], [0.8, 0.6]]}, "cos 0.6, sin 0.8")
    yield labelled({"R": [[0.6, 0.8], [-0.8, 0.6]]}, "a clockwise rotation: negative angle")
    yield labelled({"R": [[1.0, 0.0], [0.0, 1.0]]}, "the identity")
    yield labelled({"R": [[-1.0, 0.0], [0.0, -1.0]]}, "half a turn is pi")
    yield labelled({"R": [[0.0, 1.0], [-1.0, 0.0]]}, "a quarter turn clockwise")
    yield labelled({"R": [[-0.8, 0.6], [-0.6, -0.8]]}, "third quadrant")
    for _ in range(22):
        yield {"R": _matrix(float(rng.uniform(-math.pi, math.pi)))}
    yield hidden({"R": _matrix(float(rng.uniform(-1e-6, 1e-6)))})
    yield hidden({"R": _matrix(math.pi - float(rng.uniform(0.0, 1e-3)))})


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if not (-math.pi < got <= math.pi):
        return f"{got!r} is outside (-pi, pi]"
    # atan2 of an exact rotation column is accurate to a few ulps.
    if abs(math.remainder(got - expected, 2 * math.pi)) > 1e-9:
        return f"expected {expected!r}, got {got!r}"
    return True
