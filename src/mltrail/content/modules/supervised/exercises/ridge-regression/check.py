import numpy as np

from mltrail.grading.contract import hidden, labelled


def _problem(rng, wide=False):
    d = int(rng.integers(3, 8)) if wide else int(rng.integers(1, 7))
    n = int(rng.integers(2, d)) if wide else int(rng.integers(d + 2, 40))
    X = np.round(rng.normal(rng.uniform(-3, 3, size=d), rng.uniform(0.3, 3.0, size=d), size=(n, d)), 3)
    y = np.round(X @ rng.normal(0.0, 2.0, size=d) + rng.normal(0.0, 5.0) + rng.normal(0.0, 1.0, size=n), 3)
    return {"X": X, "y": y, "alpha": float(np.round(10 ** rng.uniform(-1, 2.5), 3))}


def cases(rng):
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    y = np.array([1.0, 3.0, 5.0, 7.0])
    yield labelled({"X": X, "y": y, "alpha": 1.0}, "the worked example")
    yield labelled({"X": X, "y": y, "alpha": 0.0}, "alpha = 0: ordinary least squares")
    yield labelled({"X": X, "y": y + 100.0, "alpha": 1.0}, "shifted targets: only the intercept changes")
    yield labelled({"X": X, "y": y, "alpha": 1e6}, "a huge penalty: weights near 0, intercept near the mean")
    yield labelled({"X": np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 3.0]]), "y": np.array([1.0, 2.0]), "alpha": 0.5}, "more features than examples")
    yield labelled({"X": np.array([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0], [4.0, 4.01]]), "y": np.array([2.0, 4.1, 5.9, 8.0]), "alpha": 1.0}, "two nearly identical features share the weight")
    for i in range(22):
        yield _problem(rng, wide=(i % 5 == 4))
    yield hidden(_problem(rng))


def _theta(value):
    if type(value) not in (tuple, list) or len(value) != 2:
        return None, "return a tuple (intercept, weights)"
    b, w = value
    if type(b) not in (int, float):
        return None, f"the intercept must be a float, not {type(b).__name__}"
    if isinstance(w, np.ndarray):
        if w.ndim != 1 or w.dtype.kind not in "fi":
            return None, "the weights must be a 1-D array of floats"
    elif type(w) in (list, tuple):
        if any(type(v) not in (int, float) for v in w):
            return None, "the weights must be numbers"
    else:
        return None, f"the weights must be a 1-D array or a list, not {type(w).__name__}"
    return np.concatenate([[float(b)], np.asarray(w, dtype=float)]), None


def compare(expected, got, case):
    want, _ = _theta(expected)
    have, message = _theta(got)
    if message:
        return message
    if have.shape != want.shape:
        return f"expected {len(want) - 1} weights, got {len(have) - 1}"
    if not np.all(np.isfinite(have)) or np.linalg.norm(have - want) > 1e-6 * np.linalg.norm(want) + 1e-9:
        return f"expected intercept {float(want[0])!r} and weights {want[1:].tolist()!r}, got {float(have[0])!r} and {have[1:].tolist()!r}"
    return True
