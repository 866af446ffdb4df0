import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, d, h, k):
    r = lambda *shape: np.round(rng.normal(0.0, 1.0, size=shape), 3).tolist()
    return {"X": r(n, d), "W1": r(d, h), "b1": r(h), "W2": r(h, k), "b2": r(k)}


def cases(rng):
    yield labelled({"X": [[1.0, 2.0]], "W1": [[1.0, -1.0], [1.0, -1.0]], "b1": [0.0, 0.0], "W2": [[2.0], [3.0]], "b2": [0.5]}, "the worked example")
    yield labelled({"X": [[1.0], [-1.0]], "W1": [[1.0]], "b1": [0.0], "W2": [[-2.0]], "b2": [0.0]}, "a negative output weight: outputs can be negative")
    yield labelled({"X": [[-1.0, -1.0]], "W1": [[1.0, 2.0], [1.0, 2.0]], "b1": [0.0, 0.0], "W2": [[1.0, 1.0], [1.0, -1.0]], "b2": [0.25, -0.5]}, "every hidden unit off: the output is b2")
    yield labelled({"X": [[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]], "W1": [[1.0], [2.0], [-1.0]], "b1": [1.0], "W2": [[1.0, -1.0, 0.5]], "b2": [0.0, 0.0, 0.0]}, "one hidden unit, three outputs")
    for _ in range(22):
        yield _case(rng, *(int(v) for v in rng.integers(1, 7, size=4)))
    yield hidden(_case(rng, 32, 5, 16, 3))


def compare(expected, got, case):
    want = np.asarray(expected, dtype=float)
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"return floats, not an array of dtype {got.dtype}"
    elif isinstance(got, list) and all(isinstance(row, list) for row in got):
        if any(type(v) is not float for row in got for v in row):
            return "every entry must be a float"
    else:
        return f"return a list of lists of floats or a numpy array, not {type(got).__name__}"
    try:
        O = np.asarray(got, dtype=float)
    except ValueError:
        return "all rows must have the same length"
    if O.shape != want.shape:
        return f"the outputs must have shape {want.shape} (n examples x k outputs), got {O.shape}"
    tol = 1e-9 * (1.0 + float(np.abs(want).max()))
    bad = np.argwhere(~(np.abs(O - want) <= tol))
    if len(bad):
        i, j = (int(v) for v in bad[0])
        return f"O[{i}][{j}]: expected {float(want[i, j])!r}, got {float(O[i, j])!r}"
    return True
