import math

from mltrail.grading.contract import hidden, labelled


def _args(prevalence, sensitivity, specificity):
    return {"prevalence": prevalence, "sensitivity": sensitivity, "specificity": specificity}


def cases(rng):
    yield labelled(_args(0.01, 0.99, 0.95), "the worked example: a rare disease")
    yield labelled(_args(0.5, 0.9, 0.9), "a common condition, a symmetric test")
    yield labelled(_args(0.001, 0.999, 0.999), "a very rare condition, a very good test")
    yield labelled(_args(0.3, 0.6, 0.99), "a test with few false positives")
    for _ in range(24):
        yield _args(
            float(rng.uniform(0.001, 0.4)),
            float(rng.uniform(0.5, 0.999)),
            float(rng.uniform(0.6, 0.999)),
        )
    yield hidden(_args(float(rng.uniform(1e-5, 1e-4)), 0.999, float(rng.uniform(0.99, 0.9999))))


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12):
        return f"expected {expected!r}, got {got!r}"
    return True
