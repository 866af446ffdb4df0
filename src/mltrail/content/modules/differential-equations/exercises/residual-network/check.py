import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    m, d = int(rng.integers(1, 6)), int(rng.integers(2, 5))
    return {
        "X": np.round(rng.normal(0.0, 1.5, size=(m, d)), 3).tolist(),
        "W": np.round(rng.normal(0.0, 1.0, size=(d, d)), 3).tolist(),
        "b": np.round(rng.normal(0.0, 0.5, size=d), 3).tolist(),
        "T": round(float(rng.uniform(0.2, 3.0)), 2),
        "n": int(rng.integers(1, 30)),
    }


def cases(rng):
    yield labelled({"X": [[1.0, 0.0]], "W": [[0.0, 1.0], [-1.0, 0.0]], "b": [0.0, 0.0], "T": 1.0, "n": 2}, "the worked example")
    yield labelled({"X": [[0.5, -0.5]], "W": [[0.0, 0.0], [0.0, 0.0]], "b": [1.0, -2.0], "T": 2.0, "n": 4}, "W = 0: every block adds the same tanh(b)")
    yield labelled({"X": [[1.0, 2.0], [-1.0, 0.5], [0.0, 0.0]], "W": [[0.5, -1.0], [0.3, 0.2]], "b": [0.1, 0.0], "T": 1.0, "n": 1}, "one block, a batch of three")
    yield labelled({"X": [[1.0, 0.0, -1.0]], "W": [[0.0, 2.0, 0.0], [0.0, 0.0, -1.0], [1.0, 0.0, 0.0]], "b": [0.0, 0.0, 0.0], "T": 1.5, "n": 50}, "a deep network: close to the ODE")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def _floats(got, shape):
    """The learner's value as a float array of the given shape, or a message saying what is wrong."""
    if isinstance(got, np.ndarray):
        if got.dtype.kind not in "iuf":
            return f"return numbers, not an array of dtype {got.dtype}"
        array = got.astype(float)
    elif isinstance(got, (list, tuple)):
        flat = got if len(shape) == 1 else [v for row in got for v in (row if isinstance(row, (list, tuple, np.ndarray)) else [row])]
        if len(shape) == 2 and not all(isinstance(row, (list, tuple, np.ndarray)) for row in got):
            return f"return a list of {shape[0]} rows, each a list of {shape[1]} numbers"
        if not all(type(v) in (int, float) or isinstance(v, (np.integer, np.floating)) for v in flat):
            return "every entry must be a number"
        try:
            array = np.asarray(got, dtype=float)
        except ValueError:
            return "the rows do not all have the same length"
    else:
        return f"return a list (or a numpy array), not {type(got).__name__}"
    if array.shape != tuple(shape):
        return f"expected shape {tuple(shape)}, got {array.shape}"
    return array


def compare(expected, got, case):
    X = np.asarray(case.args["X"], dtype=float)
    g = _floats(got, X.shape)
    if isinstance(g, str):
        return g + " (one row per example)"
    e = np.asarray(expected, dtype=float)
    bad = np.abs(g - e) > 1e-9 * (1.0 + np.abs(X).max())
    if bad.any():
        i, j = (int(v) for v in np.argwhere(bad)[0])
        return f"example {i}, coordinate {j}: expected {float(e[i, j])!r}, got {float(g[i, j])!r}"
    return True
