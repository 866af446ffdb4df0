import numpy as np

from mltrail.grading.contract import hidden, labelled


def _points(rng, n, d):
    """Points whose distances from each point are well apart (no near-ties to rank)."""
    while True:
        centres = rng.normal(0.0, 3.0, size=(int(rng.integers(1, 4)), d))
        X = centres[rng.integers(0, len(centres), size=n)] + rng.normal(0.0, 1.0, size=(n, d))
        X = np.round(X, 3)
        D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1))
        gaps = np.diff(np.sort(D, axis=1), axis=1)[:, 1:] if n > 2 else np.ones((n, 1))
        if gaps.size == 0 or gaps.min() > 1e-6 * (1.0 + D.max()):
            return X.tolist()


def cases(rng):
    yield labelled({"X": [[0.0], [1.0], [3.0], [7.0]], "k": 1}, "the worked example")
    yield labelled({"X": [[0.0, 0.0], [5.0, 1.0]], "k": 1}, "two points")
    yield labelled({"X": [[0.0, 0.0], [1.0, 0.1], [0.2, 1.3], [9.0, 9.0], [9.5, 8.1], [8.7, 9.9]], "k": 2},
                   "two separate clusters")
    yield labelled({"X": [[0.0], [1.0], [2.5], [4.5], [7.0]], "k": 4}, "k = n - 1: every pair is joined")
    yield labelled({"X": [[0.0, 0.0, 0.0], [3.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 2.0]], "k": 1},
                   "a far point whose nearest neighbour does not choose it back")
    for _ in range(22):
        n = int(rng.integers(3, 16))
        yield {"X": _points(rng, n, int(rng.integers(1, 5))), "k": int(rng.integers(1, min(n - 1, 5) + 1))}
    yield hidden({"X": _points(rng, 60, 3), "k": 5})


def compare(expected, got, case):
    want = np.asarray(expected)
    if isinstance(got, np.ndarray):
        if got.dtype.kind not in "biuf":
            return f"return numbers or bools, not an array of dtype {got.dtype}"
    elif isinstance(got, list) and all(isinstance(row, list) for row in got):
        if any(type(v) not in (int, float, bool) for row in got for v in row):
            return "every entry must be 0 or 1"
    else:
        return f"return a numpy array or a list of lists, not {type(got).__name__}"
    try:
        A = np.asarray(got, dtype=float)
    except ValueError:
        return "all rows must have the same length"
    if A.shape != want.shape:
        return f"expected an {want.shape[0]} x {want.shape[1]} matrix, got shape {A.shape}"
    if not np.isin(A, (0.0, 1.0)).all():
        return "every entry must be 0 or 1"
    if (np.diag(A) != 0).any():
        return "a point is not its own neighbour: the diagonal must be 0"
    if (A != A.T).any():
        i, j = (int(t) for t in np.argwhere(A != A.T)[0])
        return f"the graph must be symmetric: A[{i}][{j}] = {int(A[i, j])} but A[{j}][{i}] = {int(A[j, i])}"
    bad = np.argwhere(A != want)
    if len(bad):
        i, j = (int(t) for t in bad[0])
        return f"A[{i}][{j}]: expected {int(want[i, j])}, got {int(A[i, j])}"
    return True
