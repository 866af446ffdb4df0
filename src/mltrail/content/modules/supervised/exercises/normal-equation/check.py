import numpy as np

from mltrail.grading.contract import hidden, labelled


def _problem(rng, n, d, offset=0.0):
    scales = rng.uniform(0.2, 5.0, size=d)
    X = np.round(rng.normal(0.0, 1.0, size=(n, d)) * scales + offset, 3)
    w = rng.normal(0.0, 3.0, size=d)
    y = np.round(X @ w + rng.normal(0.0, 10.0) + rng.normal(0.0, 1.0, size=n), 3)
    return {"X": X, "y": y}


def cases(rng):
    yield labelled({"X": np.array([[1.0], [2.0], [3.0], [4.0]]), "y": np.array([3.0, 5.0, 7.0, 9.0])}, "the worked example: a perfect line")
    yield labelled({"X": np.array([[0.0], [1.0], [2.0]]), "y": np.array([1.0, 0.0, 2.0])}, "noisy points: the line misses every one")
    yield labelled({"X": np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), "y": np.array([2.0, 3.0, 7.0])}, "n = d + 1: an exact fit")
    yield labelled({"X": np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 5.0], [4.0, 3.0], [5.0, 4.0]]), "y": np.array([5.0, 4.0, 11.0, 9.0, 11.0])}, "two features")
    yield labelled({"X": np.array([[1000.0], [1001.0], [1002.0], [1003.0]]), "y": np.array([1.0, 3.0, 2.0, 4.0])}, "a feature far from zero: a large negative intercept")
    for _ in range(22):
        d = int(rng.integers(1, 6))
        yield _problem(rng, int(rng.integers(d + 2, 40)), d, offset=float(rng.choice([0.0, 0.0, rng.uniform(-50, 50)])))
    yield hidden(_problem(rng, 200, 8))


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
