import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, k, d, empty):
    centres = rng.normal(0.0, 4.0, size=(k, d))
    X = centres[rng.integers(0, k, size=n)] + rng.normal(0.0, 1.0, size=(n, d))
    X = X + rng.uniform(-20, 20, size=d)
    C = X[rng.choice(n, size=min(k, n), replace=False)] + rng.normal(0.0, 0.5, size=(min(k, n), d))
    if empty:  # one centroid far beyond every point: its cluster is empty
        far = X.max(axis=0) + (X.max(axis=0) - X.min(axis=0) + 1.0) * rng.uniform(2.0, 5.0)
        C = np.vstack([C, far[None, :]])
        order = rng.permutation(len(C))
        C = C[order]
    return {"X": X, "centroids": C}


def cases(rng):
    yield labelled({"X": np.array([[0.0, 0.0], [2.0, 0.0], [10.0, 10.0], [12.0, 10.0]]),
                    "centroids": np.array([[1.0, 1.0], [9.0, 9.0], [50.0, 50.0]])}, "the worked example")
    yield labelled({"X": np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 9.0]]), "centroids": np.array([[0.0, 0.0]])},
                   "one centroid: it moves to the mean of all points")
    yield labelled({"X": np.array([[-3.0], [0.0], [1.0], [2.0], [8.0]]), "centroids": np.array([[-10.0], [1.0], [6.0]])},
                   "one feature; the first centroid wins no point; a cluster whose median (0.5) is not its mean (0)")
    yield labelled({"X": np.array([[0.0, 0.0], [2.0, 2.0]]), "centroids": np.array([[0.0, 0.0], [2.0, 2.0], [1.0, 1.0]])},
                   "centroids on the points: they stay, and the middle one is empty")
    yield labelled({"X": np.array([[0.0], [2.0], [4.0]]), "centroids": np.array([[1.0], [3.0]])},
                   "2 is equally near both centroids: the smaller index takes it")
    for i in range(22):
        n, k, d = int(rng.integers(3, 40)), int(rng.integers(1, 5)), int(rng.integers(1, 4))
        yield _case(rng, n, k, d, empty=i % 2 == 0)
    yield hidden(_case(rng, 400, 6, 4, empty=True))


def compare(expected, got, case):
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return "return a k x d array (or a list of lists) of floats"
    if got.shape != expected.shape:
        return f"expected {expected.shape[0]} centroids of {expected.shape[1]} features, got shape {got.shape}"
    X = np.asarray(case.args["X"], dtype=float)
    scale = float(np.abs(X).max()) + 1.0
    bad = np.argwhere(~(np.abs(got - expected) <= 1e-9 * scale))
    if len(bad):
        j = int(bad[0][0])
        return f"centroid {j}: expected {expected[j].tolist()}, got {got[j].tolist()}"
    return True
