import numpy as np

from mltrail.grading.contract import Iterated, hidden, labelled


def _case(rng, n, k, d):
    X = rng.normal(0.0, 1.0, size=(n, d)) * rng.uniform(0.5, 3.0) + rng.uniform(-5, 5, size=d)
    picks = rng.choice(n, size=min(k, n), replace=False)
    C = X[picks] + rng.normal(0.0, 0.3, size=(len(picks), d))
    if len(picks) < k:  # more centroids than points: the rest anywhere
        C = np.vstack([C, rng.normal(0.0, 3.0, size=(k - len(picks), d))])
    return {"X": X, "centroids": C}


def cases(rng):
    yield labelled({"X": np.array([[0.0, 0.0], [1.0, 0.5], [4.0, 4.0], [5.0, 3.0]]),
                    "centroids": np.array([[0.5, 0.0], [4.5, 3.5]])}, "the worked example")
    yield labelled({"X": np.array([[0.0, 0.0], [2.0, 0.0], [-2.0, 0.0]]),
                    "centroids": np.array([[1.0, 0.0], [-1.0, 0.0]])}, "a tie at (0, 0): the smaller index wins")
    yield labelled({"X": np.array([[1.0], [2.0], [3.0]]), "centroids": np.array([[10.0]])}, "one centroid: every label is 0")
    yield labelled({"X": np.array([[3.0, 1.0]]), "centroids": np.array([[0.0, 0.0], [3.0, 3.0], [4.0, 1.0]])},
                   "one point, three centroids")
    yield labelled({"X": np.array([[0.0, 0.0], [5.0, 5.0], [2.0, 1.0], [4.0, -1.0]]),
                    "centroids": np.array([[2.0, 2.0], [3.0, 0.0], [9.0, 9.0]])},
                   "L1 and L2 distances disagree on (0, 0); no point is nearest to the last centroid")
    for _ in range(22):
        n, k, d = int(rng.integers(2, 40)), int(rng.integers(2, 7)), int(rng.integers(1, 5))
        yield _case(rng, n, k, d)
    yield hidden(_case(rng, 300, 8, 5))


def compare(expected, got, case):
    if isinstance(got, np.ndarray):
        if got.ndim != 1 or got.dtype.kind not in "iu":
            return f"return a list of ints (or a 1-D integer array), not an array of dtype {got.dtype} and shape {got.shape}"
        got = got.tolist()
    if type(got) is Iterated:
        return "return a list of ints, not a generator: collect the labels in a list"
    if not isinstance(got, list):
        return f"return a list of ints, not {type(got).__name__}"
    if any(type(v) is not int for v in got):
        return "every label must be an int"
    if len(got) != len(expected):
        return f"expected one label per point ({len(expected)} labels), got {len(got)}"
    for i, (e, g) in enumerate(zip(expected, got)):
        if e != g:
            return f"point {i}: expected label {e} (the nearest centroid), got {g}"
    return True
