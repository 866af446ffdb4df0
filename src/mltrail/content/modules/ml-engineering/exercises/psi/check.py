import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    k = int(rng.integers(1, 10))
    n, m = int(rng.integers(5, 200)), int(rng.integers(5, 200))
    shift, spread = float(rng.choice([0.0, 0.0, 0.3, 1.0, 3.0])), float(rng.choice([1.0, 1.0, 1.5]))
    expected = np.round(rng.normal(0, 1, size=n), 1)  # rounded: many values sit on the edges
    actual = np.round(rng.normal(shift, spread, size=m), 1)
    edges = np.unique(np.round(np.quantile(expected, np.linspace(0, 1, k + 2)[1:-1]), 1))
    return {"expected": expected.tolist(), "actual": actual.tolist(), "edges": edges.tolist()}


def cases(rng):
    expected = [0.1, 0.4, 0.5, 0.9, 1.2, 1.5, 2.2, 2.8]
    actual = [1.0, 1.1, 1.9, 2.0, 2.5, 3.1]
    yield labelled({"expected": expected, "actual": actual, "edges": [0.5, 1.0, 2.0]}, "the worked example: two empty bins, values on edges")
    yield labelled({"expected": expected, "actual": list(expected), "edges": [0.5, 1.0, 2.0]}, "the same sample: PSI 0")
    yield labelled({"expected": [0.0, 1.0, 2.0, 3.0], "actual": [1.0, 1.0, 3.0, 3.0], "edges": [1.0, 3.0]}, "every actual value sits on an edge")
    yield labelled({"expected": [1.0, 2.0], "actual": [5.0], "edges": [3.0]}, "one edge, two bins, each sample in one")
    yield labelled({"expected": [0.0, 0.0, 1.0, 1.0], "actual": [0.0, 1.0, 1.0, 1.0], "edges": [0.5]}, "a small shift, no empty bin")
    yield labelled({"expected": [-1.0] + [1.0] * 19999, "actual": [-1.0, -1.0] + [1.0] * 7 + [6.0], "edges": [0.0, 5.0]},
                   "one value in 20,000: a share of 0.00005, below 1e-4 though not zero")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def compare(expected, got, case):
    if type(got) not in (float, int):
        return f"return the PSI as a float, not {type(got).__name__}"
    if not abs(got - expected) <= 1e-7 * abs(expected) + 1e-12:
        return f"expected {expected!r}, got {got!r}"
    return True
