import math

from mltrail.grading.contract import hidden, labelled

OUTERS = ["sin", "cos", "exp", "log", "sqrt", "square", "tanh"]


def _p(coeffs, x):
    return sum(a * x**k for k, a in enumerate(coeffs))


def _case(rng, outer):
    n = int(rng.integers(2, 5))
    coeffs = [round(float(v), 2) for v in rng.uniform(-2.0, 2.0, size=n)]
    if coeffs[-1] == 0.0:
        coeffs[-1] = 1.0
    x = round(float(rng.uniform(-1.5, 1.5)), 3)
    if outer in ("log", "sqrt"):
        value = _p(coeffs, x)
        if value < 0.2:
            coeffs[0] = round(coeffs[0] + 0.2 - value + float(rng.uniform(0.1, 2.0)), 2)
    return {"outer": outer, "inner": coeffs, "x": x}


def cases(rng):
    yield labelled({"outer": "sin", "inner": [1.0, 0.0, 1.0], "x": 1.5}, "the worked example: sin(x**2 + 1)")
    yield labelled({"outer": "exp", "inner": [0.0, 3.0], "x": 0.2}, "exp(3x): inner derivative 3")
    yield labelled({"outer": "log", "inner": [1.0, 0.0, 1.0], "x": 2.0}, "log(1 + x**2)")
    yield labelled({"outer": "sqrt", "inner": [4.0, 0.0, 0.0, 1.0], "x": 1.0}, "sqrt(4 + x**3)")
    yield labelled({"outer": "square", "inner": [-1.0, 2.0], "x": 3.0}, "(2x - 1)**2")
    yield labelled({"outer": "cos", "inner": [0.5, 1.0, -1.0], "x": -0.7}, "cos(0.5 + x - x**2)")
    yield labelled({"outer": "tanh", "inner": [0.0, 0.5], "x": 1.2}, "tanh(x / 2)")
    yield labelled({"outer": "exp", "inner": [2.0], "x": 1.0}, "a constant inner function: derivative 0")
    for i in range(21):
        yield _case(rng, OUTERS[i % len(OUTERS)])
    yield hidden(_case(rng, OUTERS[int(rng.integers(0, len(OUTERS)))]))


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    inner, x = case.args["inner"], case.args["x"]
    # Evaluating p(x) in another order moves u by a few units in the last place of its terms.
    scale = 1.0 + sum(abs(k * a * x ** (k - 1)) for k, a in enumerate(inner) if k > 0)
    if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12 * scale):
        return f"expected {expected!r}, got {got!r}"
    return True
