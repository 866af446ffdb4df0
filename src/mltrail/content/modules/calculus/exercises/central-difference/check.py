import math

from mltrail.grading.contract import hidden, labelled

NAMES = ["sin", "cos", "exp", "log", "sqrt", "x**3", "tanh"]
EPS = 2.220446049250313e-16
VALUE = {"sin": math.sin, "cos": math.cos, "exp": math.exp, "log": math.log, "sqrt": math.sqrt, "x**3": lambda t: t**3, "tanh": math.tanh}


def _case(rng, name):
    h = float(10 ** rng.uniform(-6.0, -0.5))
    if name in ("log", "sqrt"):
        x = round(float(rng.uniform(0.5, 5.0)), 3)
    else:
        x = round(float(rng.uniform(-3.0, 3.0)), 3)
    return {"name": name, "x": x, "h": h}


def cases(rng):
    yield labelled({"name": "x**3", "x": 2.0, "h": 0.1}, "the worked example: x**3 at 2 with h = 0.1")
    yield labelled({"name": "sin", "x": 0.0, "h": 0.01}, "sin at 0")
    yield labelled({"name": "exp", "x": 1.0, "h": 1e-5}, "exp at 1 with h = 1e-5")
    yield labelled({"name": "log", "x": 1.0, "h": 0.5}, "log at 1 with a large step")
    yield labelled({"name": "sqrt", "x": 4.0, "h": 1e-3}, "sqrt at 4")
    yield labelled({"name": "cos", "x": 1.0, "h": 1e-8}, "a tiny step: rounding error dominates")
    yield labelled({"name": "tanh", "x": -0.5, "h": 0.2}, "tanh at -0.5")
    for i in range(21):
        yield _case(rng, NAMES[i % len(NAMES)])
    yield hidden(_case(rng, NAMES[int(rng.integers(0, len(NAMES)))]))


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    f, x, h = VALUE[case.args["name"]], case.args["x"], case.args["h"]
    size = max(abs(f(x - h)), abs(f(x + h)), abs(f(x)))
    if abs(got - expected) > 1e-12 * abs(expected) + 8 * EPS * size / h:
        return f"expected {expected!r} (the central difference with h = {h!r}), got {got!r}"
    return True
