import math

from mltrail.grading.contract import hidden, labelled


def _case(rng, outbreak):
    i0 = round(float(rng.uniform(0.001, 0.1)), 4)
    s0 = round(float(rng.uniform(0.2, 1.0 - i0)), 4)
    gamma = round(float(rng.uniform(0.05, 0.5)), 3)
    factor = rng.uniform(1.2, 6.0) if outbreak else rng.uniform(0.3, 0.95)
    beta = round(float(factor * gamma / s0), 3)  # R0 * s0 = factor, up to rounding
    return {"beta": beta, "gamma": gamma, "s0": s0, "i0": i0}


def cases(rng):
    yield labelled({"beta": 0.5, "gamma": 0.1, "s0": 0.99, "i0": 0.01}, "the worked example: R0 = 5")
    yield labelled({"beta": 0.1, "gamma": 0.2, "s0": 0.99, "i0": 0.01}, "R0 = 0.5: no outbreak, the peak is at the start")
    yield labelled({"beta": 0.3, "gamma": 0.1, "s0": 0.3, "i0": 0.05}, "R0 = 3 but only 30 % susceptible: no outbreak")
    yield labelled({"beta": 0.4, "gamma": 0.1, "s0": 0.5, "i0": 0.02}, "half the population immune: a smaller peak")
    yield labelled({"beta": 2.0, "gamma": 0.1, "s0": 0.999, "i0": 0.001}, "R0 = 20: most people are infected at once")
    for k in range(22):
        yield _case(rng, outbreak=k % 3 != 2)
    yield hidden(_case(rng, outbreak=True))


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if not math.isfinite(got) or abs(got - expected) > 1e-9:
        return f"expected the peak {expected!r}, got {got!r}"
    return True
