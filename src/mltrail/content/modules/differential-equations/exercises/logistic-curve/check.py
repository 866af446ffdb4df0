import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    K = round(float(rng.uniform(0.5, 100.0)), 2)
    y0 = round(float(K * rng.uniform(0.01, 1.8)), 3)
    return {
        "r": round(float(rng.uniform(0.1, 3.0)), 3),
        "K": K,
        "y0": max(y0, 0.001),
        "ts": [round(float(t), 2) for t in rng.uniform(0.0, 8.0, size=int(rng.integers(1, 8)))],
    }


def cases(rng):
    yield labelled({"r": 1.0, "K": 10.0, "y0": 1.0, "ts": [0.0, 1.0, 5.0]}, "the worked example")
    yield labelled({"r": 2.0, "K": 5.0, "y0": 5.0, "ts": [0.0, 3.0]}, "starting at the capacity: y stays at K")
    yield labelled({"r": 0.5, "K": 1.0, "y0": 3.0, "ts": [0.0, 1.0, 4.0]}, "starting above the capacity: y falls to K")
    yield labelled({"r": 1.0, "K": 100.0, "y0": 0.01, "ts": [9.0, 1.0, 0.0]}, "a tiny start, times not sorted")
    yield labelled({"r": 3.0, "K": 2.0, "y0": 0.5, "ts": [400.0]}, "far in the future: at the capacity")
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
    g = _floats(got, (len(case.args["ts"]),))
    if isinstance(g, str):
        return g
    e = np.asarray(expected, dtype=float)
    bad = np.abs(g - e) > 1e-9 * np.abs(e)
    if bad.any():
        k = int(np.argmax(bad))
        return f"at t = {case.args['ts'][k]}: expected {float(e[k])!r}, got {float(g[k])!r}"
    return True
