import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, k, d, iterations):
    centres = rng.normal(0.0, 3.0, size=(k, d))
    X = centres[rng.integers(0, k, size=n)] + rng.normal(0.0, 1.0, size=(n, d)) + rng.uniform(-10, 10, size=d)
    init = X[rng.choice(n, size=k, replace=False)]  # starting centroids on data points, as k-means++ does
    return {"X": X, "init": init, "iterations": iterations}


def cases(rng):
    yield labelled({"X": np.array([[0.0], [1.0], [2.0], [10.0], [11.0]]), "init": np.array([[0.0], [1.0]]), "iterations": 2},
                   "the worked example")
    yield labelled({"X": np.array([[0.0, 0.0], [4.0, 0.0], [0.0, 3.0]]), "init": np.array([[1.0, 1.0], [5.0, 5.0]]), "iterations": 0},
                   "zero iterations: init, its labels and its inertia")
    yield labelled({"X": np.array([[0.0], [1.0], [2.0], [10.0], [11.0]]), "init": np.array([[0.0], [1.0]]), "iterations": 1},
                   "one iteration: the labels are those of the NEW centroids (points 1 and 2 move to cluster 0)")
    yield labelled({"X": np.array([[0.0], [1.0], [2.0], [10.0], [11.0]]), "init": np.array([[0.0], [1.0]]), "iterations": 30},
                   "many iterations: converged, nothing changes any more")
    yield labelled({"X": np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]), "init": np.array([[0.0, 0.0], [40.0, 40.0]]), "iterations": 3},
                   "an empty cluster keeps its centroid")
    yield labelled({"X": np.array([[0.0], [2.0], [4.0]]), "init": np.array([[1.0], [3.0]]), "iterations": 1},
                   "2 is equally near both starting centroids: the smaller index takes it")
    for _ in range(22):
        n, k, d = int(rng.integers(6, 40)), int(rng.integers(2, 6)), int(rng.integers(1, 4))
        yield _case(rng, n, min(k, n), d, int(rng.integers(1, 5)))
    yield hidden(_case(rng, 300, 5, 3, 6))


def compare(expected, got, case):
    if not isinstance(got, tuple) or len(got) != 3:
        return "return a tuple of three values: (centroids, labels, inertia)"
    want_C, want_labels, want_inertia = expected
    want_C = np.asarray(want_C, dtype=float)
    try:
        C = np.asarray(got[0], dtype=float)
    except (TypeError, ValueError):
        return "centroids must be a k x d array (or a list of lists) of floats"
    if C.shape != want_C.shape:
        return f"expected {want_C.shape[0]} centroids of {want_C.shape[1]} features, got shape {C.shape}"
    labels = got[1]
    if isinstance(labels, np.ndarray) and labels.ndim == 1 and labels.dtype.kind in "iu":
        labels = labels.tolist()
    if not isinstance(labels, list) or any(type(v) is not int for v in labels):
        return "labels must be a list of ints (or a 1-D integer array)"
    if type(got[2]) not in (int, float):
        return "the inertia must be a float"
    X = np.asarray(case.args["X"], dtype=float)
    scale = float(np.abs(X).max()) + 1.0
    bad = np.argwhere(~(np.abs(C - want_C) <= 1e-9 * scale))
    if len(bad):
        j = int(bad[0][0])
        return f"centroid {j} after {case.args['iterations']} iterations: expected {want_C[j].tolist()}, got {C[j].tolist()}"
    if len(labels) != len(want_labels):
        return f"expected {len(want_labels)} labels, one per point, got {len(labels)}"
    for i, (e, g) in enumerate(zip(want_labels, labels)):
        if e != g:
            return f"point {i}: expected label {e} (its nearest final centroid), got {g}"
    if not abs(got[2] - want_inertia) <= 1e-9 * (want_inertia + scale * scale * 1e-3):
        return f"expected inertia {want_inertia!r}, got {got[2]!r}"
    return True
