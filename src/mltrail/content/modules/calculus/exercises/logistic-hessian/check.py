import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, d):
    X = np.round(rng.normal(0.0, 1.0, size=(n, d)), 3)
    w = np.round(rng.normal(0.0, 1.5, size=d), 3)
    if np.abs(X @ w).max() > 10.0:  # the prompt bounds |x_i . w| by 10
        w = np.round(w * 8.0 / np.abs(X @ w).max(), 3)
    return {"X": X.tolist(), "w": w.tolist()}


def cases(rng):
    yield labelled({"X": [[1.0, 0.0], [1.0, 2.0]], "w": [0.0, 0.0]}, "the worked example: w = 0")
    yield labelled({"X": [[2.0]], "w": [0.0]}, "one example, one weight")
    yield labelled({"X": [[1.0, 1.0], [1.0, -1.0], [1.0, 3.0]], "w": [0.5, 1.0]}, "an intercept column of ones")
    yield labelled({"X": [[1.0, 2.0], [2.0, 4.0]], "w": [1.0, -1.0]}, "rows on one line: a singular Hessian")
    yield labelled({"X": [[1.0], [1.0]], "w": [10.0]}, "confident predictions: little curvature")
    for _ in range(22):
        yield _case(rng, int(rng.integers(1, 20)), int(rng.integers(1, 5)))
    yield hidden(_case(rng, 50, 6))


def compare(expected, got, case):
    expected = np.asarray(expected, dtype=float)
    d = expected.shape[0]
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"return floats, not an array of dtype {got.dtype}"
    elif isinstance(got, list) and all(isinstance(row, list) for row in got):
        if any(type(v) is not float for row in got for v in row):
            return "every entry must be a float"
    else:
        return f"return a d x d list of lists of floats, not {type(got).__name__}"
    try:
        g = np.asarray(got, dtype=float)
    except ValueError:
        return f"return a {d} x {d} matrix (all rows of length {d})"
    if g.shape != (d, d):
        return f"expected a {d} x {d} matrix (d = number of weights), got shape {g.shape}"
    tol = 1e-9 * float(np.abs(expected).max()) + 1e-300
    bad = np.argwhere(~(np.abs(g - expected) <= tol))
    if len(bad):
        i, j = bad[0]
        return f"entry ({i}, {j}): expected {float(expected[i, j])!r}, got {float(g[i, j])!r}"
    return True
