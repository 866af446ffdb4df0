import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, d, lr):
    X = rng.integers(-5, 6, size=(n, d))
    y = np.where(rng.random(n) < 0.5, -1, 1)
    if rng.random() < 0.5:  # training starts from zero: points on the boundary are common
        w, b = np.zeros(d, dtype=int), 0
    else:
        w, b = rng.integers(-3, 4, size=d), int(rng.integers(-3, 4))
    return {"X": X.tolist(), "y": y.tolist(), "w": w.tolist(), "b": b, "lr": lr}


def _vector(got, d):
    if isinstance(got, np.ndarray):
        if got.dtype.kind not in "fiu":
            return f"w: return numbers, not an array of dtype {got.dtype}"
    elif isinstance(got, (list, tuple)):
        if any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in got):
            return "w: every entry must be a number"
    else:
        return f"w must be a list or a numpy array, not {type(got).__name__}"
    w = np.asarray(got, dtype=float)
    if w.shape != (d,):
        return f"w must have {d} entries (one per feature), got shape {w.shape}"
    return w


def cases(rng):
    yield labelled({"X": [[2, 1], [-1, -1], [1, -2]], "y": [1, -1, -1], "w": [0, 0], "b": 0, "lr": 1}, "the worked example")
    yield labelled({"X": [[1, 1]], "y": [1], "w": [0, 0], "b": 0, "lr": 0.5}, "one point on the boundary of w = 0")
    yield labelled({"X": [[3], [-2]], "y": [1, -1], "w": [1], "b": 0, "lr": 1}, "already right: nothing changes")
    yield labelled({"X": [[1, 0], [1, 0], [1, 0]], "y": [-1, -1, -1], "w": [2, 0], "b": 1, "lr": 1}, "the same point until it is right")
    yield labelled({"X": [[0, 0], [0, 0]], "y": [1, -1], "w": [0, 0], "b": 0, "lr": 0.25}, "points at the origin: only the bias moves")
    for _ in range(22):
        yield _case(rng, int(rng.integers(1, 12)), int(rng.integers(1, 5)), float(2.0 ** -int(rng.integers(0, 3))))
    yield hidden(_case(rng, 40, 3, 1.0))


def compare(expected, got, case):
    if not isinstance(got, tuple) or len(got) != 2:
        return "return a tuple of two values: (w, b)"
    w = _vector(got[0], len(case.args["w"]))
    if isinstance(w, str):
        return w
    b = got[1]
    if isinstance(b, np.generic):
        b = b.item()
    if isinstance(b, bool) or not isinstance(b, (int, float)):
        return f"b must be a number, not {type(got[1]).__name__}"
    want = np.asarray(expected[0], dtype=float)
    bad = np.flatnonzero(~(np.abs(w - want) <= 1e-9))
    if len(bad):
        return f"w[{int(bad[0])}]: expected {float(want[bad[0]])!r}, got {float(w[bad[0]])!r}"
    if not abs(b - expected[1]) <= 1e-9:
        return f"b: expected {float(expected[1])!r}, got {b!r}"
    return True
