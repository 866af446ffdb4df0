import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    a, b, c, d = (round(float(v), 3) for v in rng.uniform(0.1, 3.0, size=4))
    if rng.random() < 0.3:  # the coexistence equilibrium
        x, y = d / c, a / b
    else:
        x, y = (round(float(v), 3) for v in rng.uniform(0.0, 5.0, size=2))
    return {"a": a, "b": b, "c": c, "d": d, "x": x, "y": y}


def cases(rng):
    yield labelled({"a": 1.0, "b": 0.5, "c": 0.25, "d": 0.75, "x": 3.0, "y": 2.0}, "the worked example: the coexistence equilibrium")
    yield labelled({"a": 1.0, "b": 0.5, "c": 0.25, "d": 0.75, "x": 0.0, "y": 0.0}, "the extinction equilibrium (0, 0): a saddle")
    yield labelled({"a": 2.0, "b": 1.0, "c": 0.5, "d": 1.0, "x": 1.0, "y": 4.0}, "a point that is not an equilibrium")
    yield labelled({"a": 0.5, "b": 2.0, "c": 3.0, "d": 0.2, "x": 0.5, "y": 0.0}, "no predators")
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
    g = _floats(got, (2, 2))
    if isinstance(g, str):
        return g + " (row i: equation i; column j: variable j)"
    e = np.asarray(expected, dtype=float)
    bad = np.abs(g - e) > 1e-9 * np.abs(e).max() + 1e-12
    if bad.any():
        i, j = (int(v) for v in np.argwhere(bad)[0])
        return f"entry [{i}][{j}] (d F{i + 1} / d {'xy'[j]}): expected {float(e[i, j])!r}, got {float(g[i, j])!r}"
    return True
