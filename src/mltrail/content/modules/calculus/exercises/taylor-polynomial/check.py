import math

from mltrail.grading.contract import hidden, labelled

NAMES = ["exp", "sin", "cos", "log"]


def _case(rng, name):
    degree = int(rng.integers(1, 9))
    if name == "log":
        a = round(float(rng.uniform(0.8, 3.0)), 3)
        x = round(float(rng.uniform(0.3 * a, 1.7 * a)), 3)
        x = min(max(x, a - 1.5), a + 1.5)
    else:
        a = round(float(rng.uniform(-2.0, 2.0)), 3)
        x = round(a + float(rng.uniform(-1.5, 1.5)), 3)
    if x == a:
        x = round(a + 0.5, 3)
    return {"name": name, "a": a, "x": x, "degree": degree}


def cases(rng):
    yield labelled({"name": "exp", "a": 0.0, "x": 1.0, "degree": 3}, "the worked example: exp at 0, degree 3, at 1")
    yield labelled({"name": "sin", "a": 0.0, "x": 0.5, "degree": 0}, "degree 0: the constant f(a)")
    yield labelled({"name": "cos", "a": 0.0, "x": 1.0, "degree": 1}, "degree 1 of cos at 0: the tangent is flat")
    yield labelled({"name": "log", "a": 1.0, "x": 1.5, "degree": 4}, "log at 1: x - x**2/2 + x**3/3 - x**4/4")
    yield labelled({"name": "sin", "a": 1.0, "x": 2.0, "degree": 5}, "sin at 1: all derivatives nonzero")
    yield labelled({"name": "exp", "a": -1.0, "x": 0.5, "degree": 12}, "degree 12: close to e**0.5")
    yield labelled({"name": "cos", "a": 2.0, "x": 1.0, "degree": 2}, "x to the left of a")
    for i in range(21):
        yield _case(rng, NAMES[i % len(NAMES)])
    yield hidden(_case(rng, "log"))


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if abs(got - expected) > 1e-9 * max(1.0, abs(expected)):
        return f"expected {expected!r}, got {got!r}"
    return True
