import math

from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"v": [3.0, 4.0], "theta": math.pi / 4}, "wind over a north-east runway")
    yield labelled({"v": [2.0, 5.0], "theta": 0.0}, "theta 0: the coordinates themselves")
    yield labelled({"v": [2.0, 5.0], "theta": math.pi / 2}, "a quarter turn")
    yield labelled({"v": [1.0, 0.0], "theta": math.pi}, "the opposite direction")
    yield labelled({"v": [-1.5, 2.5], "theta": -0.5}, "a negative angle")
    for _ in range(22):
        yield {
            "v": [round(float(c), 3) for c in rng.uniform(-10.0, 10.0, size=2)],
            "theta": round(float(rng.uniform(-7.0, 7.0)), 4),
        }
    for _ in range(2):
        yield hidden({"v": [round(float(c), 2) for c in rng.normal(0.0, 50.0, size=2)], "theta": float(rng.uniform(-3, 3))})


def compare(expected, got, case):
    if type(got) is not list or len(got) != 2 or any(type(c) is not float for c in got):
        return f"return a list [along, across] of two floats, got {got!r}"
    # Both components are dot products with unit vectors: errors are a few ulps of |v|.
    scale = max(1.0, math.hypot(*case.args["v"]))
    names = ("along", "across")
    for name, g, e in zip(names, got, expected):
        if abs(g - e) > 1e-9 * scale:
            return f"{name}: expected {e!r}, got {g!r}"
    return True
