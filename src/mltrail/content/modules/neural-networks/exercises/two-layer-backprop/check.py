import numpy as np

from mltrail.grading.contract import hidden, labelled

KEYS = ("W1", "b1", "W2", "b2")


def _case(rng, n, d, h, k):
    r = lambda scale, *shape: np.round(rng.normal(0.0, scale, size=shape), 3).tolist()
    return {"X": r(1.0, n, d), "labels": [int(v) for v in rng.integers(0, k, size=n)],
            "W1": r(1.0, d, h), "b1": r(0.5, h), "W2": r(1.0, h, k), "b2": r(0.5, k)}


def cases(rng):
    yield labelled({"X": [[1.0, 0.0]], "labels": [1], "W1": [[0.0], [0.0]], "b1": [0.0], "W2": [[1.0, 1.0]], "b2": [0.0, 0.0]}, "the worked example")
    yield labelled({"X": [[1.0], [-1.0]], "labels": [0, 1], "W1": [[0.5, -0.5]], "b1": [0.0, 0.1], "W2": [[1.0, -1.0], [0.5, 0.5]], "b2": [0.0, 0.0]}, "two examples, two hidden units")
    yield labelled({"X": [[2.0, -1.0, 0.5]], "labels": [2], "W1": [[1.0], [1.0], [1.0]], "b1": [0.0], "W2": [[1.0, 2.0, -1.0]], "b2": [0.1, 0.2, 0.3]}, "a saturating hidden unit, three classes")
    yield labelled({"X": [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]], "labels": [0, 0, 1], "W1": [[1.0, 0.0], [0.0, 1.0]], "b1": [0.0, 0.0], "W2": [[1.0, 0.0], [0.0, 1.0]], "b2": [0.0, 0.0]}, "the same input with different labels")
    for _ in range(22):
        yield _case(rng, *(int(v) for v in rng.integers(1, 6, size=3)), int(rng.integers(2, 5)))
    yield hidden(_case(rng, 32, 4, 8, 3))


def _array(got, shape, name):
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
        return f"the gradient of {name} must have the shape of {name}, {shape}; got {array.shape}"
    return array


def compare(expected, got, case):
    if not isinstance(got, dict) or set(got) != set(KEYS):
        return 'return a dict with exactly the keys "W1", "b1", "W2", "b2"'
    for key in KEYS:
        want = np.asarray(expected[key], dtype=float)
        g = _array(got[key], want.shape, key)
        if isinstance(g, str):
            return g
        tol = 1e-8 * float(np.abs(want).max()) + 1e-12
        bad = np.argwhere(~(np.abs(g - want) <= tol))
        if len(bad):
            index = tuple(int(i) for i in bad[0])
            return f"d{key}{list(index)}: expected {float(want[index])!r}, got {float(g[index])!r}"
    return True
