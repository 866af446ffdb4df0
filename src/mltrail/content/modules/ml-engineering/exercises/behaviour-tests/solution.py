import math


def _score(weights, bias, x):
    return math.fsum(w * v for w, v in zip(weights, x)) + bias


def _passes(weights, bias, test):
    s = _score(weights, bias, test["input"])
    if test["kind"] == "mft":
        return int(s >= 0) == test["label"]
    change = _score(weights, bias, test["perturbed"]) - s
    if test["kind"] == "invariance":
        return abs(change) <= test["tolerance"]
    return change > 0 if test["direction"] == "up" else change < 0


def failing_tests(weights, bias, tests):
    """Indices of the behavioural tests (mft, invariance, directional) that the linear scorer fails."""
    return [i for i, test in enumerate(tests) if not _passes(weights, bias, test)]
