import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, d, hidden_units, k):
    r = lambda scale, *shape: np.round(rng.normal(0.0, scale, size=shape), 3).tolist()
    return {"X": r(1.0, n, d), "labels": [int(v) for v in rng.integers(0, k, size=n)],
            "W1": r(1.0, d, hidden_units), "b1": r(0.5, hidden_units), "W2": r(1.5, hidden_units, k), "b2": r(0.5, k),
            "h": float(10.0 ** rng.uniform(-4.0, -2.0))}


def cases(rng):
    yield labelled({"X": [[1.0, 2.0]], "labels": [0], "W1": [[0.5], [-0.5]], "b1": [0.0], "W2": [[1.0, -1.0]], "b2": [0.0, 0.0], "h": 0.001}, "the worked example")
    yield labelled({"X": [[1.0]], "labels": [1], "W1": [[0.0]], "b1": [0.0], "W2": [[2.0, -2.0]], "b2": [0.0, 0.0], "h": 0.01}, "one weight")
    yield labelled({"X": [[1.0, -1.0], [0.5, 2.0]], "labels": [0, 1], "W1": [[0.3, -0.2, 0.1], [0.4, 0.0, -0.6]], "b1": [0.1, 0.0, -0.1], "W2": [[1.0, 0.0], [0.0, 1.0], [1.0, -1.0]], "b2": [0.0, 0.0], "h": 0.01}, "several entries: each must start from the given weights")
    for _ in range(22):
        yield _case(rng, *(int(v) for v in rng.integers(1, 5, size=3)), int(rng.integers(2, 4)))
    yield hidden(_case(rng, 16, 3, 5, 3))


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
        G = np.asarray(got, dtype=float)
    except ValueError:
        return "all rows must have the same length"
    if G.shape != want.shape:
        return f"return one difference per entry of W1: shape {want.shape}, got {G.shape}"
    bad = np.argwhere(~(np.abs(G - want) <= 1e-8))
    if len(bad):
        i, j = (int(v) for v in bad[0])
        return f"entry [{i}][{j}]: expected {float(want[i, j])!r}, got {float(G[i, j])!r}"
    return True
