import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _problem(rng, n_max=80):
    n = int(rng.integers(2, n_max))
    y = (rng.random(n) < rng.uniform(0.1, 0.9)).astype(int)
    y[:2] = [0, 1]
    y = rng.permutation(y)
    scores = y * rng.uniform(0.0, 2.0) + rng.normal(0.0, 1.0, size=n)
    if rng.random() < 0.7:  # coarse scores: many ties, as from a tree or rounded probabilities
        scores = np.round(scores * float(rng.choice([1.0, 2.0, 4.0]))) / 4.0
    else:
        scores = np.round(scores, 4)
    return {"y_true": [int(v) for v in y], "scores": [float(v) for v in scores]}


def cases(rng):
    yield labelled({"y_true": [0, 0, 1, 1], "scores": [0.1, 0.4, 0.35, 0.8]}, "the worked example")
    yield labelled({"y_true": [0, 1, 0, 1], "scores": [0.2, 0.5, 0.5, 0.9]}, "one tied pair counts half")
    yield labelled({"y_true": [1, 0, 1, 0, 1], "scores": [0.7, 0.7, 0.7, 0.7, 0.7]}, "every score equal: 0.5")
    yield labelled({"y_true": [0, 0, 1], "scores": [3.0, 2.0, 1.0]}, "a backwards ranking: 0")
    yield labelled({"y_true": [1, 0], "scores": [-1.0, -5.0]}, "one pair, negative scores")
    yield labelled({"y_true": [1, 1, 0, 0, 1, 0], "scores": [2.0, 1.0, 1.0, 1.0, 1.0, 0.0]}, "a block of ties across both classes")
    for _ in range(22):
        yield _problem(rng)
    yield hidden(_problem(rng, n_max=3000))


def compare(expected, got, case):
    if type(got) not in (int, float):
        return f"return a float, not {type(got).__name__}"
    if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12):
        return f"expected {expected!r}, got {got!r}"
    return True
