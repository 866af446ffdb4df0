import numpy as np

from mltrail.grading.contract import hidden, labelled

NAMES = ["-y", "y*(1-y)", "t-y", "cos(t)", "-t*y", "sin(y)"]


def _case(rng, f):
    low = 0.05 if f == "y*(1-y)" else -2.0
    return {
        "f": f,
        "t0": round(float(rng.uniform(-1.0, 2.0)), 2),
        "y0": round(float(rng.uniform(low, 2.0)), 3),
        "h": round(float(rng.uniform(0.05, 0.5)), 3),
        "n": int(rng.integers(2, 31)),
    }


def cases(rng):
    yield labelled({"f": "-y", "t0": 0.0, "y0": 1.0, "h": 0.5, "n": 2}, "the worked example: decay, h = 0.5")
    yield labelled({"f": "t-y", "t0": 1.0, "y0": 0.0, "h": 0.1, "n": 0}, "zero steps: just the initial value")
    yield labelled({"f": "t-y", "t0": 1.0, "y0": 0.0, "h": 0.25, "n": 3}, "the slope depends on t: time starts at t0")
    yield labelled({"f": "cos(t)", "t0": 0.0, "y0": 0.0, "h": 0.5, "n": 3}, "the slope depends on t only")
    yield labelled({"f": "y*(1-y)", "t0": 0.0, "y0": 0.1, "h": 0.5, "n": 6}, "logistic growth towards 1")
    yield labelled({"f": "-y", "t0": 0.0, "y0": 1.0, "h": 3.0, "n": 3}, "too large a step: each step multiplies y by 1.375")
    for i in range(22):
        yield _case(rng, NAMES[i % len(NAMES)])
    yield hidden(_case(rng, "-t*y"))


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
    n = case.args["n"]
    g = _floats(got, (n + 1,))
    if isinstance(g, str):
        return g
    e = np.asarray(expected, dtype=float)
    bad = np.abs(g - e) > 1e-9 * (1.0 + np.abs(e).max())
    if bad.any():
        k = int(np.argmax(bad))
        return f"y_{k} (after {k} RK4 steps): expected {float(e[k])!r}, got {float(g[k])!r}"
    return True
