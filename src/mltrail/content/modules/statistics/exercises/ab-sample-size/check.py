import math

from scipy.stats import norm

from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"baseline": 0.10, "mde": 0.02, "alpha": 0.05, "power": 0.8}, "the worked example")
    yield labelled({"baseline": 0.10, "mde": 0.01, "alpha": 0.05, "power": 0.8}, "half the effect: about four times the visitors")
    yield labelled({"baseline": 0.5, "mde": 0.1, "alpha": 0.05, "power": 0.9}, "a large effect, 90 % power")
    yield labelled({"baseline": 0.03, "mde": 0.005, "alpha": 0.01, "power": 0.8}, "a rare conversion and a strict level")
    yield labelled({"baseline": 0.2, "mde": 0.3, "alpha": 0.1, "power": 0.5}, "a huge effect: few visitors")
    for _ in range(22):
        baseline = round(float(rng.uniform(0.01, 0.6)), 3)
        mde = round(float(rng.uniform(0.05, 0.5)) * baseline, 4)
        alpha = float(rng.choice([0.01, 0.05, 0.1]))
        power = float(rng.choice([0.7, 0.8, 0.9, 0.95]))
        yield {"baseline": baseline, "mde": mde, "alpha": alpha, "power": power}
    yield hidden({"baseline": 0.01, "mde": 0.001, "alpha": 0.05, "power": 0.8})
    yield hidden({"baseline": 0.4, "mde": 0.2, "alpha": 0.2, "power": 0.6})


def _raw(case):
    args = case.args
    p1, p2 = args["baseline"], args["baseline"] + args["mde"]
    z = norm.ppf(1 - args["alpha"] / 2) + norm.ppf(args["power"])
    return z**2 * (p1 * (1 - p1) + p2 * (1 - p2)) / args["mde"] ** 2


def compare(expected, got, case):
    if type(got) is not int:
        return f"return a whole number of visitors as an int, not {type(got).__name__}"
    if got == expected:
        return True
    raw = _raw(case)
    # Where the exact value is within rounding of a whole number, either neighbour is right.
    if abs(got - expected) == 1 and abs(raw - round(raw)) < 1e-6 * raw:
        return True
    return f"expected {expected} visitors per group, got {got}"
