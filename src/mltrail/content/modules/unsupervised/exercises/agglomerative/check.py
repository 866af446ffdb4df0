import numpy as np

from mltrail.grading.contract import hidden, labelled

LINKAGES = ("single", "complete", "average")


def _case(rng, n, d, linkage):
    k = int(rng.integers(2, 5))
    centres = rng.normal(0.0, 3.0, size=(k, d))
    X = centres[rng.integers(0, k, size=n)] + rng.normal(0.0, 1.0, size=(n, d))
    return {"X": X, "n_clusters": int(rng.integers(2, min(6, n) + 1)), "linkage": linkage}


def cases(rng):
    line = np.array([[0.0], [1.0], [2.6], [6.0], [7.5], [12.0]])
    yield labelled({"X": line, "n_clusters": 2, "linkage": "single"}, "the worked example, single linkage: chaining")
    yield labelled({"X": line, "n_clusters": 2, "linkage": "complete"}, "the worked example, complete linkage")
    yield labelled({"X": np.array([[0.2], [1.4], [3.7], [5.1], [6.7], [9.5]]), "n_clusters": 2, "linkage": "average"},
                   "average linkage: here single, complete and average give three different answers")
    yield labelled({"X": np.array([[0.0, 0.0], [0.0, 1.0], [5.0, 5.0]]), "n_clusters": 3, "linkage": "single"},
                   "n_clusters = n: every point alone")
    yield labelled({"X": np.array([[0.0, 0.0], [0.0, 1.0], [5.0, 5.0], [9.0, 1.0]]), "n_clusters": 1, "linkage": "complete"},
                   "n_clusters = 1: one cluster")
    yield labelled({"X": np.array([[0.0], [1.0], [2.1], [3.3], [4.6], [9.0], [9.5]]), "n_clusters": 3, "linkage": "complete"},
                   "three clusters, complete linkage splits the chain")
    for i in range(22):
        n, d = int(rng.integers(6, 25)), int(rng.integers(1, 4))
        yield _case(rng, n, d, LINKAGES[i % 3])
    yield hidden(_case(rng, 40, 3, "average"))


def _labels(got, n):
    if isinstance(got, np.ndarray):
        if got.ndim != 1 or got.dtype.kind not in "iu":
            return f"return a list of ints (or a 1-D integer array), not an array of dtype {got.dtype} and shape {got.shape}"
        got = got.tolist()
    if not isinstance(got, list) or any(type(v) is not int for v in got):
        return "return a list of ints, one cluster name per point"
    if len(got) != n:
        return f"expected one label per point ({n} labels), got {len(got)}"
    return got


def compare(expected, got, case):
    got = _labels(got, len(expected))
    if isinstance(got, str):
        return got
    k = len(set(expected))
    if len(set(got)) != k:
        return f"expected {k} clusters (n_clusters = {case.args['n_clusters']}), got {len(set(got))}"
    # The same partition: each expected cluster maps to one of yours, and no two to the same one.
    mapping = {}
    for i, (e, g) in enumerate(zip(expected, got)):
        if mapping.setdefault(e, g) != g:
            j = expected.index(e)
            return f"points {j} and {i} should be in the same cluster (labels are compared up to renaming)"
    if len(set(mapping.values())) != k:
        return "two different clusters got the same label"
    return True
