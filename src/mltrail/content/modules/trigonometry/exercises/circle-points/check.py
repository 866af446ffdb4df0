import math

from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"n": 4, "radius": 2.0, "start": 0.0}, "four points, a quarter turn apart")
    yield labelled({"n": 1, "radius": 1.0, "start": 0.5}, "a single point")
    yield labelled({"n": 3, "radius": 1.0, "start": math.pi / 2}, "a triangle starting at the top")
    yield labelled({"n": 6, "radius": 0.5, "start": -1.0}, "a negative start angle")
    yield labelled({"n": 2, "radius": 3.0, "start": 0.25}, "two opposite points")
    for _ in range(22):
        yield {
            "n": int(rng.integers(1, 25)),
            "radius": round(float(rng.uniform(0.1, 10.0)), 3),
            "start": round(float(rng.uniform(-7.0, 7.0)), 4),
        }
    yield hidden({"n": int(rng.integers(50, 200)), "radius": 1.0, "start": round(float(rng.uniform(-3, 3)), 3)})
    yield hidden({"n": 7, "radius": round(float(rng.uniform(1.0, 5.0)), 2), "start": 0.0})


def compare(expected, got, case):
    if type(got) is not list:
        return f"return a list of points, not {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} points, got {len(got)}"
    scale = float(case.args["radius"])
    for i, (e, g) in enumerate(zip(expected, got)):
        if type(g) is not list or len(g) != 2 or any(type(c) is not float for c in g):
            return f"point {i}: each point must be a list [x, y] of two floats, got {g!r}"
        # cos and sin are accurate to about 1e-16 of the radius; angles grow to k * 2 pi / n.
        if any(abs(gc - ec) > 1e-9 * scale for gc, ec in zip(g, e)):
            return f"point {i}: expected {e!r}, got {g!r}"
    return True
