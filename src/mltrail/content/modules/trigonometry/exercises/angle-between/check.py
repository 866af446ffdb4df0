import math

from mltrail.grading.contract import hidden, labelled

TOLERANCE = 1e-6  # acos near 1 turns a rounding error of 1e-16 in the cosine into ~1e-8 rad


def _vector(rng, n):
    v = [round(float(x), 3) for x in rng.normal(0.0, 3.0, size=n)]
    if not any(v):
        v[0] = 1.0
    return v


def cases(rng):
    yield labelled({"u": [1.0, 0.0], "v": [1.0, 1.0]}, "45 degrees")
    yield labelled({"u": [0.1, 0.7], "v": [0.3, 2.1]}, "parallel: a computed cosine can round above 1")
    yield labelled({"u": [1.0, 2.0, 3.0], "v": [-3.0, -6.0, -9.0]}, "opposite directions")
    yield labelled({"u": [2.0, 0.0, 0.0], "v": [0.0, 0.0, 5.0]}, "perpendicular")
    yield labelled({"u": [3.0, 4.0], "v": [4.0, 3.0]}, "a small angle")
    yield labelled({"u": [1e-3, 0.0], "v": [-1e5, 1e5]}, "very different lengths")
    for _ in range(22):
        n = int(rng.integers(2, 8))
        yield {"u": _vector(rng, n), "v": _vector(rng, n)}
    n = int(rng.integers(3, 10))
    u = _vector(rng, n)
    yield hidden({"u": u, "v": [round(3.5 * x, 4) for x in u]})
    yield hidden({"u": _vector(rng, 50), "v": _vector(rng, 50)})


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if not (0.0 <= got <= math.pi):
        return f"{got!r} is outside [0, pi]"
    if abs(got - expected) > TOLERANCE:
        return f"expected {expected!r}, got {got!r}"
    return True
