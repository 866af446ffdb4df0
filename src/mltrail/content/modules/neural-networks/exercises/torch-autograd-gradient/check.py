import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, d):
    X = np.round(rng.normal(0.0, 1.0, size=(n, d)), 3)
    w = np.round(rng.normal(0.0, 1.0, size=d), 3)
    y = np.where(rng.random(n) < 0.5, -1, 1)
    return {"X": X.tolist(), "y": [int(v) for v in y], "w": w.tolist()}


def cases(rng):
    yield labelled({"X": [[1.0, 2.0], [0.0, -1.0]], "y": [1, -1], "w": [0.0, 0.0]}, "the worked example")
    yield labelled({"X": [[2.0]], "y": [1], "w": [1.0]}, "one example, one weight")
    yield labelled({"X": [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], "y": [1, 1, -1], "w": [3.0, -2.0]}, "three examples")
    for _ in range(22):
        yield _case(rng, int(rng.integers(1, 12)), int(rng.integers(1, 5)))
    yield hidden(_case(rng, 50, 4))


def compare(expected, got, case):
    want = np.asarray(expected, dtype=float)
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"return floats, not an array of dtype {got.dtype}"
    elif isinstance(got, list):
        if any(type(v) is not float for v in got):
            return "every entry must be a float"
    else:
        return f"return a tensor, a numpy array or a list of floats, not {type(got).__name__}"
    g = np.asarray(got, dtype=float).reshape(-1) if np.size(got) == want.size else np.asarray(got, dtype=float)
    if g.shape != want.shape:
        return f"return one partial derivative per weight: shape {want.shape}, got {g.shape}"
    tol = 1e-9 * float(np.abs(want).max()) + 1e-12
    bad = np.flatnonzero(~(np.abs(g - want) <= tol))
    if len(bad):
        i = int(bad[0])
        return f"dL/dw[{i}]: expected {float(want[i])!r}, got {float(g[i])!r}"
    return True
