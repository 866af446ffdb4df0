import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, d):
    X = np.round(rng.normal(0.0, 1.0, size=(n, d)), 3)
    y = np.round(X @ rng.normal(0.0, 2.0, size=d) + rng.normal(0.0, 0.5, size=n) + rng.normal(), 3)
    size = int(rng.integers(1, n + 1))
    order = rng.permutation(n)
    batches = [[int(v) for v in order[s:s + size]] for s in range(0, n, size)]
    return {"X": X.tolist(), "y": y.tolist(), "w": np.round(rng.normal(0.0, 1.0, size=d), 3).tolist(),
            "b": float(np.round(rng.normal(), 3)), "lr": float(np.round(rng.uniform(0.005, 0.04), 4)), "batches": batches}


def cases(rng):
    yield labelled({"X": [[1.0], [2.0], [3.0]], "y": [2.0, 4.0, 6.0], "w": [0.0], "b": 0.0, "lr": 0.1, "batches": [[0, 1], [2]]}, "the worked example")
    yield labelled({"X": [[1.0, 0.0], [0.0, 1.0]], "y": [1.0, -1.0], "w": [0.0, 0.0], "b": 0.0, "lr": 0.1, "batches": [[0, 1]]}, "one batch: full-batch gradient descent")
    yield labelled({"X": [[1.0, 0.0], [0.0, 1.0]], "y": [1.0, -1.0], "w": [0.0, 0.0], "b": 0.0, "lr": 0.1, "batches": [[1], [0]]}, "batches of one, in a shuffled order")
    yield labelled({"X": [[1.0], [2.0], [3.0], [4.0]], "y": [1.0, 1.0, 1.0, 1.0], "w": [0.5], "b": 0.0, "lr": 0.02, "batches": [[3, 0, 2], [1]]}, "a short last batch")
    for _ in range(22):
        yield _case(rng, int(rng.integers(1, 16)), int(rng.integers(1, 5)))
    yield hidden(_case(rng, 64, 4))


def compare(expected, got, case):
    if not isinstance(got, tuple) or len(got) != 2:
        return "return a tuple of two values: (w, b)"
    w, b = got
    if isinstance(w, np.ndarray):
        if w.dtype.kind != "f":
            return f"w: return floats, not an array of dtype {w.dtype}"
    elif isinstance(w, list):
        if any(type(v) is not float for v in w):
            return "w: every entry must be a float"
    else:
        return f"w must be a list of floats or a numpy array, not {type(w).__name__}"
    if type(b) is not float:
        return f"b must be a float, not {type(b).__name__}"
    want = np.asarray(expected[0], dtype=float)
    w = np.asarray(w, dtype=float)
    if w.shape != want.shape:
        return f"w must have one entry per feature, shape {want.shape}; got {w.shape}"
    a = case.args
    scale = 1.0 + max(float(np.abs(a["w"]).max()), abs(a["b"]), float(np.abs(a["y"]).max()))
    bad = np.flatnonzero(~(np.abs(w - want) <= 1e-9 * scale))
    if len(bad):
        i = int(bad[0])
        return f"w[{i}]: expected {float(want[i])!r}, got {float(w[i])!r}"
    if not abs(b - expected[1]) <= 1e-9 * scale:
        return f"b: expected {expected[1]!r}, got {b!r}"
    return True
