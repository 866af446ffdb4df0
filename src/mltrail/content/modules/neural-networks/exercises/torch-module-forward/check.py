import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, d, h, k):
    r = lambda *shape: np.round(rng.normal(0.0, 1.0, size=shape), 3).tolist()
    return {"X": r(n, d), "W1": r(d, h), "b1": r(h), "W2": r(h, k), "b2": r(k)}


def cases(rng):
    yield labelled({"X": [[1.0, 0.0]], "W1": [[1.0, 2.0], [3.0, 4.0]], "b1": [0.0, 0.0], "W2": [[1.0], [-1.0]], "b2": [0.5]}, "the worked example")
    yield labelled({"X": [[1.0, 2.0, 3.0]], "W1": [[1.0], [0.0], [-1.0]], "b1": [0.5], "W2": [[2.0, -1.0]], "b2": [0.0, 1.0]}, "d, h, k all different: W1 goes in transposed")
    yield labelled({"X": [[-1.0], [1.0]], "W1": [[2.0, -2.0]], "b1": [0.0, 0.0], "W2": [[1.0, 0.0], [0.0, 1.0]], "b2": [0.0, 0.0]}, "negative hidden units")
    for _ in range(22):
        yield _case(rng, *(int(v) for v in rng.integers(1, 6, size=3)), int(rng.integers(2, 5)))
    yield hidden(_case(rng, 16, 4, 8, 3))


def compare(expected, got, case):
    want = np.asarray(expected, dtype=float)
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"return floats, not an array of dtype {got.dtype}"
    elif isinstance(got, list) and all(isinstance(row, list) for row in got):
        if any(type(v) is not float for row in got for v in row):
            return "every entry must be a float"
    else:
        return f"return a tensor, a numpy array or a list of lists of floats, not {type(got).__name__}"
    try:
        out = np.asarray(got, dtype=float)
    except ValueError:
        return "all rows must have the same length"
    if out.shape != want.shape:
        return f"the logits must have shape {want.shape} (n examples x k outputs), got {out.shape}"
    tol = 1e-5 * (1.0 + float(np.abs(want).max()))
    bad = np.argwhere(~(np.abs(out - want) <= tol))
    if len(bad):
        i, j = (int(v) for v in bad[0])
        return f"logits[{i}][{j}]: expected {float(want[i, j])!r}, got {float(out[i, j])!r}"
    return True
