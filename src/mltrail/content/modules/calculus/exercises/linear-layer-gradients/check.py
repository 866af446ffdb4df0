import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, d, k):
    r = lambda *shape: np.round(rng.normal(0.0, 1.0, size=shape), 3).tolist()
    return {"X": r(n, d), "W": r(d, k), "b": r(k), "Y": r(n, k)}


def _matrix(got, shape, name):
    """got as a float array of the given shape, or a message."""
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"{name}: return floats, not an array of dtype {got.dtype}"
    elif isinstance(got, list):
        flat = got if len(shape) == 1 else [v for row in got if isinstance(row, list) for v in row]
        if len(shape) == 2 and not all(isinstance(row, list) for row in got):
            return f"{name} must be a list of lists of floats"
        if any(type(v) is not float for v in flat):
            return f"{name}: every entry must be a float"
    else:
        return f"{name} must be a list or a numpy array, not {type(got).__name__}"
    try:
        array = np.asarray(got, dtype=float)
    except ValueError:
        return f"{name}: all rows must have the same length"
    if array.shape != shape:
        return f"{name} must have shape {shape} (the shape of {name[1:]}), got {array.shape}"
    return array


def cases(rng):
    yield labelled({"X": [[1.0, 2.0], [0.0, 1.0]], "W": [[1.0], [0.0]], "b": [0.0], "Y": [[0.0], [1.0]]}, "the worked example")
    yield labelled({"X": [[2.0]], "W": [[3.0]], "b": [1.0], "Y": [[4.0]]}, "one example, one input, one output")
    yield labelled({"X": [[1.0, 0.0, 2.0], [0.0, 1.0, 1.0]], "W": [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], "b": [0.5, -0.5], "Y": [[1.0, 1.0], [0.0, 0.0]]}, "d = 3 inputs, k = 2 outputs")
    yield labelled({"X": [[1.0, 2.0], [3.0, 4.0]], "W": [[0.5, 0.0], [0.0, 0.5]], "b": [1.0, 1.0], "Y": [[1.0, 2.0], [1.0, 2.0]]}, "a square W")
    yield labelled({"X": [[1.0], [2.0], [3.0]], "W": [[2.0, -1.0, 0.5]], "b": [0.0, 0.0, 0.0], "Y": [[2.0, -1.0, 0.5], [4.0, -2.0, 1.0], [6.0, -3.0, 1.5]]}, "a perfect fit: all gradients 0")
    for _ in range(22):
        yield _case(rng, int(rng.integers(1, 9)), int(rng.integers(1, 5)), int(rng.integers(2, 5)))
    yield hidden(_case(rng, 32, 6, 3))


def compare(expected, got, case):
    if not isinstance(got, tuple) or len(got) != 2:
        return "return a tuple of two values: (dW, db)"
    want_W, want_b = np.asarray(expected[0], dtype=float), np.asarray(expected[1], dtype=float)
    dW = _matrix(got[0], want_W.shape, "dW")
    if isinstance(dW, str):
        return dW
    db = _matrix(got[1], want_b.shape, "db")
    if isinstance(db, str):
        return db
    for name, g, e in (("dW", dW, want_W), ("db", db, want_b)):
        tol = 1e-9 * float(np.abs(e).max()) + 1e-12
        bad = np.argwhere(~(np.abs(g - e) <= tol))
        if len(bad):
            index = tuple(int(i) for i in bad[0])
            return f"{name}{list(index)}: expected {float(e[index])!r}, got {float(g[index])!r}"
    return True
