import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, k, d, singleton):
    names = rng.choice(np.arange(-3, 20), size=k, replace=False)
    centres = rng.normal(0.0, rng.uniform(0.5, 4.0), size=(k, d))
    codes = np.concatenate([np.arange(k), rng.integers(0, k, size=n - k)])
    if singleton:  # the last cluster holds one point only
        codes = np.concatenate([rng.integers(0, k - 1, size=n - 1), [k - 1]])
    codes = rng.permutation(codes)
    X = centres[codes] + rng.normal(0.0, 1.0, size=(n, d))
    return {"X": X, "labels": [int(names[c]) for c in codes]}


def cases(rng):
    yield labelled({"X": np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 0.0], [6.0, 0.0]]), "labels": [7, 7, 2, 2]},
                   "the worked example")
    yield labelled({"X": np.array([[0.0], [1.0], [2.0], [10.0]]), "labels": [0, 0, 0, 1]},
                   "a point alone in its cluster scores 0")
    yield labelled({"X": np.array([[0.0], [1.0], [9.0], [10.0], [20.0], [21.0]]), "labels": [1, 1, 2, 2, 3, 3]},
                   "three clusters: b uses the NEAREST other cluster")
    yield labelled({"X": np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]]), "labels": [0, 1, 0, 1, 0, 1]},
                   "interleaved labels: a negative silhouette")
    yield labelled({"X": np.array([[0.0, 0.0], [0.0, 2.0], [3.0, 0.0], [3.0, 2.0], [1.5, 9.0]]), "labels": [-1, -1, 4, 4, 4]},
                   "negative and non-consecutive names")
    for i in range(22):
        n, d = int(rng.integers(5, 40)), int(rng.integers(1, 4))
        k = int(rng.integers(2, min(6, n - 1) + 1))
        yield _case(rng, n, k, d, singleton=i % 4 == 3 and k >= 3)
    yield hidden(_case(rng, 250, 4, 3, singleton=False))


def compare(expected, got, case):
    if type(got) not in (float, int):
        return f"return the mean silhouette as a float, not {type(got).__name__}"
    if not abs(got - expected) <= 1e-9:
        return f"expected a mean silhouette of {expected!r}, got {got!r}"
    return True
