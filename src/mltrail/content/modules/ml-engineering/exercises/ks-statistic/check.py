import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    n, m = int(rng.integers(1, 60)), int(rng.integers(1, 60))
    shift = float(rng.choice([0.0, 0.3, 1.0, 4.0]))
    if rng.random() < 0.5:  # whole numbers: many ties within and across the samples
        a = rng.integers(0, 6, size=n).astype(float)
        b = rng.integers(0, 6, size=m).astype(float) + round(shift)
    else:
        a = np.round(rng.normal(0, 1, size=n), 3)
        b = np.round(rng.normal(shift, 1, size=m), 3)
    return {"a": a.tolist(), "b": b.tolist()}


def cases(rng):
    yield labelled({"a": [1.0, 2.0, 2.0, 3.0], "b": [2.0, 3.0, 3.0, 4.0, 5.0]}, "the worked example")
    yield labelled({"a": [1.0], "b": [1.0]}, "one tied value: D = 0")
    yield labelled({"a": [3.0, 4.0], "b": [1.0, 2.0]}, "b entirely below a: D = 1")
    yield labelled({"a": [1.0, 2.0], "b": [3.0, 4.0, 5.0]}, "a entirely below b: D = 1")
    yield labelled({"a": [0.0, 0.0, 1.0, 1.0], "b": [0.0, 1.0, 1.0, 1.0]}, "ties across the samples")
    yield labelled({"a": [5.0, 1.0, 3.0], "b": [2.0, 4.0, 6.0, 0.0]}, "unsorted input")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def compare(expected, got, case):
    if type(got) not in (float, int):
        return f"return D as a float, not {type(got).__name__}"
    if not abs(got - expected) <= 1e-12:
        return f"expected {expected!r}, got {got!r}"
    return True
