import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, d):
    k = int(rng.integers(1, 4))
    centres = rng.uniform(-8.0, 8.0, size=(k, d))
    blobs = centres[rng.integers(0, k, size=n)] + rng.normal(0.0, 1.0, size=(n, d))
    scattered = rng.uniform(-10.0, 10.0, size=(max(1, n // 6), d))
    X = rng.permutation(np.vstack([blobs, scattered]))
    min_samples = int(rng.integers(2, 7))
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    kth = np.sort(D, axis=1)[:, min_samples - 1]  # distance to the min_samples-th point, itself first
    eps = float(np.quantile(kth, rng.uniform(0.4, 0.8)))
    return {"X": X, "eps": round(eps, 4) + 1e-5, "min_samples": min_samples}


def cases(rng):
    yield labelled({"X": np.array([[0.0], [0.5], [1.0], [1.5], [5.0], [5.4], [5.8], [9.0]]), "eps": 0.6, "min_samples": 3},
                   "the worked example")
    yield labelled({"X": np.array([[0.0, 0.0], [3.0, 0.0], [0.0, 4.0]]), "eps": 1.0, "min_samples": 2},
                   "all noise: nobody has a neighbour")
    yield labelled({"X": np.array([[0.0], [1.0], [2.0], [3.0]]), "eps": 1.0, "min_samples": 3},
                   "distance exactly eps counts; min_samples counts the point itself")
    yield labelled({"X": np.array([[0.0], [10.0], [20.0]]), "eps": 1.0, "min_samples": 1},
                   "min_samples = 1: every point is a core point, three clusters, no noise")
    yield labelled({"X": np.array([[0.0], [0.4], [0.8], [1.6], [2.4], [2.8], [3.2]]), "eps": 0.5, "min_samples": 3},
                   "1.6 is within eps of no core point: noise between two clusters")
    yield labelled({"X": np.array([[0.0], [0.3], [0.6], [0.9], [1.2], [5.0]]), "eps": 0.35, "min_samples": 3},
                   "a chain of core points makes one cluster; the ends are border points")
    for _ in range(22):
        yield _case(rng, int(rng.integers(8, 45)), int(rng.integers(1, 4)))
    yield hidden(_case(rng, 150, 2))


def _labels(got, n):
    if isinstance(got, np.ndarray):
        if got.ndim != 1 or got.dtype.kind not in "iu":
            return f"return a list of ints (or a 1-D integer array), not an array of dtype {got.dtype} and shape {got.shape}"
        got = got.tolist()
    if not isinstance(got, list) or any(type(v) is not int for v in got):
        return "return a list of ints, one label per point"
    if len(got) != n:
        return f"expected one label per point ({n} labels), got {len(got)}"
    return got


def compare(expected, got, case):
    got = _labels(got, len(expected))
    if isinstance(got, str):
        return got
    X = np.asarray(case.args["X"], dtype=float)
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
    close = D <= case.args["eps"]
    core = close.sum(axis=1) >= case.args["min_samples"]
    for i, (e, g) in enumerate(zip(expected, got)):
        if (e == -1) != (g == -1):
            return f"point {i}: expected {'noise (-1)' if e == -1 else 'a cluster'}, got {g}"
        if g < -1:
            return f"point {i}: cluster names must be >= 0 (noise is -1), got {g}"
    # Core points: the same partition as expected, up to renaming.
    mapping, back = {}, {}
    for i in np.flatnonzero(core):
        e, g = expected[i], got[i]
        if mapping.setdefault(e, g) != g or back.setdefault(g, e) != e:
            return f"core point {i}: its cluster does not match (labels are compared up to renaming)"
    # Border points: the cluster of one of the core points within eps.
    for i in np.flatnonzero(~core):
        if got[i] == -1:
            continue
        allowed = {got[j] for j in np.flatnonzero(close[i] & core)}
        if got[i] not in allowed:
            return f"border point {i}: its label {got[i]} is not the cluster of a core point within eps"
    return True
