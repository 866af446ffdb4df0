import math

from mltrail.grading.contract import hidden, labelled


def _points(rng, n, scale=10.0):
    return [[round(float(v), 3) for v in rng.uniform(-scale, scale, size=2)] for _ in range(n)]


def cases(rng):
    yield labelled({"points": [[2.0, 1.0], [1.0, 1.0]], "theta": math.pi / 2, "center": [1.0, 1.0]}, "a quarter turn; the centre stays put")
    yield labelled({"points": [[1.0, 0.0], [0.0, 1.0]], "theta": math.pi / 2, "center": [0.0, 0.0]}, "the axes, about the origin")
    yield labelled({"points": [[3.0, 4.0]], "theta": math.pi, "center": [0.0, 0.0]}, "half a turn")
    yield labelled({"points": [[5.0, 2.0], [-1.0, 0.5]], "theta": -0.3, "center": [2.0, -1.0]}, "clockwise (negative angle)")
    yield labelled({"points": [[1.5, -2.0]], "theta": 0.0, "center": [4.0, 4.0]}, "no rotation")
    for _ in range(22):
        yield {
            "points": _points(rng, int(rng.integers(1, 7))),
            "theta": round(float(rng.uniform(-7.0, 7.0)), 4),
            "center": _points(rng, 1, 5.0)[0],
        }
    yield hidden({"points": _points(rng, 20, 100.0), "theta": float(rng.uniform(-3, 3)), "center": _points(rng, 1, 50.0)[0]})
    yield hidden({"points": _points(rng, 3), "theta": 2 * math.pi, "center": [1.0, 2.0]})


def compare(expected, got, case):
    n = len(expected)
    if type(got) is not list or len(got) != n:
        return f"return a list of {n} points"
    # Errors are a few ulps of the distance from the centre; allow 1e-9 of the coordinates' size.
    scale = 1.0 + max(abs(v) for p in case.args["points"] + [case.args["center"]] for v in p)
    for i, (e, g) in enumerate(zip(expected, got)):
        if type(g) is not list or len(g) != 2 or any(type(v) is not float for v in g):
            return f"point {i}: expected a list [x, y] of two floats, got {g!r}"
        if any(abs(gv - ev) > 1e-9 * scale for gv, ev in zip(g, e)):
            return f"point {i}: expected {e!r}, got {g!r}"
    return True
