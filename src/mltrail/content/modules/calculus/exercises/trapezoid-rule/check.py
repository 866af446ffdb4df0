import math

from mltrail.grading.contract import hidden, labelled

NAMES = ["sin", "cos", "exp", "x**2", "x**3", "sqrt", "gauss"]
VALUE = {
    "sin": math.sin, "cos": math.cos, "exp": math.exp, "x**2": lambda t: t * t, "x**3": lambda t: t**3,
    "sqrt": math.sqrt, "gauss": lambda t: math.exp(-t * t / 2),
}


def _case(rng, name):
    a = round(float(rng.uniform(0.0 if name == "sqrt" else -3.0, 2.0)), 2)
    b = round(a + float(rng.uniform(0.5, 4.0)), 2)
    return {"name": name, "a": a, "b": b, "n": int(rng.integers(1, 40))}


def cases(rng):
    yield labelled({"name": "x**2", "a": 0.0, "b": 1.0, "n": 2}, "the worked example: x**2 on [0, 1], 2 panels")
    yield labelled({"name": "x**3", "a": 0.0, "b": 2.0, "n": 1}, "one panel: a single trapezoid")
    yield labelled({"name": "sin", "a": 0.0, "b": math.pi, "n": 4}, "sin over [0, pi], 4 panels")
    yield labelled({"name": "exp", "a": -1.0, "b": 1.0, "n": 10}, "exp over [-1, 1], 10 panels")
    yield labelled({"name": "x**3", "a": -2.0, "b": 2.0, "n": 5}, "an odd function over a symmetric interval")
    yield labelled({"name": "gauss", "a": -5.0, "b": 5.0, "n": 50}, "the bell curve: close to sqrt(2 pi)")
    for i in range(21):
        yield _case(rng, NAMES[i % len(NAMES)])
    yield hidden(_case(rng, "gauss"))


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    f, a, b = VALUE[case.args["name"]], case.args["a"], case.args["b"]
    scale = (b - a) * max(abs(f(a + (b - a) * i / 200)) for i in range(201))
    if abs(got - expected) > 1e-9 * scale + 1e-15:
        return f"expected {expected!r} (the trapezoid sum with {case.args['n']} panels), got {got!r}"
    return True
