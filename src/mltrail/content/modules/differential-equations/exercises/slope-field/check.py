import numpy as np

from mltrail.grading.contract import hidden, labelled

NAMES = ["-y", "y*(1-y)", "t-y", "cos(t)", "-t*y", "sin(y)"]


def _case(rng, f):
    nt, ny = int(rng.integers(2, 7)), int(rng.integers(2, 7))
    while ny == nt:
        ny = int(rng.integers(2, 7))
    return {
        "f": f,
        "ts": [round(float(v), 2) for v in rng.uniform(-3.0, 3.0, size=nt)],
        "ys": [round(float(v), 2) for v in rng.uniform(-3.0, 3.0, size=ny)],
    }


def cases(rng):
    yield labelled({"f": "t-y", "ts": [0.0, 1.0, 2.0], "ys": [0.0, 1.0]}, "the worked example")
    yield labelled({"f": "-y", "ts": [0.5], "ys": [2.0]}, "a single point")
    yield labelled({"f": "cos(t)", "ts": [0.0, 1.5, 3.0], "ys": [-1.0, 0.0, 1.0]}, "slopes that depend on t only")
    yield labelled({"f": "y*(1-y)", "ts": [0.0, 1.0], "ys": [0.0, 0.5, 1.0, 2.0]}, "logistic: flat at y = 0 and y = 1")
    yield labelled({"f": "-t*y", "ts": [1.0, 2.0], "ys": [3.0, -1.0]}, "t and y play different roles")
    for i in range(22):
        yield _case(rng, NAMES[i % len(NAMES)])
    yield hidden(_case(rng, "t-y"))


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
    shape = (len(case.args["ys"]), len(case.args["ts"]))
    g = _floats(got, shape)
    if isinstance(g, str):
        return g + " (one row per value of ys, one column per value of ts)"
    e = np.asarray(expected, dtype=float)
    bad = np.abs(g - e) > 1e-9 * np.abs(e).max() + 1e-12
    if bad.any():
        i, j = (int(v) for v in np.argwhere(bad)[0])
        t, y = case.args["ts"][j], case.args["ys"][i]
        return f"row {i}, column {j} (t = {t}, y = {y}): expected {float(e[i, j])!r}, got {float(g[i, j])!r}"
    return True
