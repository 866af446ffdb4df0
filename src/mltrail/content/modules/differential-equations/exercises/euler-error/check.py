import math

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    return {
        "rate": round(float(rng.uniform(-3.0, 3.0)), 3),
        "y0": round(float(rng.choice([-1.0, 1.0]) * rng.uniform(0.1, 5.0)), 3),
        "T": round(float(rng.uniform(0.2, 4.0)), 2),
        "n": int(rng.integers(1, 200)),
    }


def cases(rng):
    yield labelled({"rate": 1.0, "y0": 1.0, "T": 1.0, "n": 2}, "the worked example: growth, 2 steps")
    yield labelled({"rate": 1.0, "y0": 1.0, "T": 1.0, "n": 1}, "one step of size T")
    yield labelled({"rate": -1.0, "y0": 2.0, "T": 3.0, "n": 3}, "decay: one step lands on zero")
    yield labelled({"rate": 0.5, "y0": 3.0, "T": 2.0, "n": 1000}, "many steps: the error is small")
    yield labelled({"rate": -3.0, "y0": 1.0, "T": 4.0, "n": 4}, "decay with too large a step: Euler oscillates")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    a, y0, T = case.args["rate"], case.args["y0"], case.args["T"]
    exact = y0 * math.exp(a * T)
    euler = expected + exact
    if not math.isfinite(got) or abs(got - expected) > 1e-9 * (abs(euler) + abs(exact)):
        return f"expected the error {expected!r} (Euler {euler!r} minus exact {exact!r}), got {got!r}"
    return True
