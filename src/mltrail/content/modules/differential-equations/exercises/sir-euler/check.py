import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    i0 = round(float(rng.uniform(0.001, 0.2)), 4)
    s0 = round(float(rng.uniform(0.3, 1.0 - i0)), 4)
    return {
        "beta": round(float(rng.uniform(0.2, 3.0)), 3),
        "gamma": round(float(rng.uniform(0.05, 1.0)), 3),
        "s0": s0,
        "i0": i0,
        "h": round(float(rng.uniform(0.05, 0.5)), 3),
        "n": int(rng.integers(2, 60)),
    }


def cases(rng):
    yield labelled({"beta": 2.0, "gamma": 1.0, "s0": 0.8, "i0": 0.1, "h": 0.5, "n": 2}, "the worked example")
    yield labelled({"beta": 1.0, "gamma": 0.5, "s0": 0.99, "i0": 0.01, "h": 0.1, "n": 0}, "zero steps: the starting state")
    yield labelled({"beta": 1.5, "gamma": 0.5, "s0": 0.7, "i0": 0.1, "h": 0.2, "n": 5}, "some people already recovered at the start")
    yield labelled({"beta": 0.3, "gamma": 0.6, "s0": 0.95, "i0": 0.05, "h": 0.5, "n": 10}, "below threshold: the infection dies out")
    yield labelled({"beta": 1.0, "gamma": 0.2, "s0": 1.0, "i0": 0.0, "h": 0.5, "n": 4}, "nobody infected: nothing happens")
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
    n = case.args["n"]
    g = _floats(got, (n + 1, 3))
    if isinstance(g, str):
        return g + " (one row [S, I, R] per time, starting state first)"
    e = np.asarray(expected, dtype=float)
    bad = np.abs(g - e) > 1e-9
    if bad.any():
        k, c = (int(v) for v in np.argwhere(bad)[0])
        name = "SIR"[c]
        return f"row {k} (after {k} steps), {name}: expected {float(e[k, c])!r}, got {float(g[k, c])!r}"
    return True
