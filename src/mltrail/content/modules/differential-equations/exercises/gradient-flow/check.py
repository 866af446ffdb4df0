import numpy as np

from mltrail.grading.contract import hidden, labelled


def _spd(rng, d):
    Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    lam = np.exp(rng.uniform(np.log(0.1), np.log(10.0), size=d))
    A = np.round(Q @ np.diag(lam) @ Q.T, 3)
    return ((A + A.T) / 2).tolist()


def _case(rng):
    d = int(rng.integers(1, 5))
    return {
        "A": _spd(rng, d),
        "b": [round(float(v), 3) for v in rng.normal(0.0, 2.0, size=d)],
        "x0": [round(float(v), 3) for v in rng.normal(0.0, 2.0, size=d)],
        "t": round(float(rng.uniform(0.0, 5.0)), 3),
    }


def cases(rng):
    yield labelled({"A": [[2.0, 0.0], [0.0, 0.5]], "b": [2.0, 1.0], "x0": [0.0, 0.0], "t": 1.0}, "the worked example")
    yield labelled({"A": [[1.0, 0.5], [0.5, 2.0]], "b": [1.0, -1.0], "x0": [3.0, 1.0], "t": 0.1}, "a short time: still near the starting point")
    yield labelled({"A": [[3.0]], "b": [6.0], "x0": [0.0], "t": 0.5}, "one dimension: 2 (1 - exp(-1.5))")
    yield labelled({"A": [[2.0, 1.0], [1.0, 2.0]], "b": [0.0, 0.0], "x0": [1.0, -1.0], "t": 1.0}, "b = 0: decay along an eigenvector")
    yield labelled({"A": [[4.0, 1.0], [1.0, 3.0]], "b": [1.0, 2.0], "x0": [5.0, -5.0], "t": 30.0}, "a long time: at the minimiser")
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
    d = len(case.args["x0"])
    g = _floats(got, (d,))
    if isinstance(g, str):
        return g
    e = np.asarray(expected, dtype=float)
    x_star = np.linalg.solve(np.asarray(case.args["A"]), np.asarray(case.args["b"]))
    scale = 1.0 + np.linalg.norm(case.args["x0"]) + np.linalg.norm(x_star)
    bad = np.abs(g - e) > 1e-8 * scale
    if bad.any():
        k = int(np.argmax(bad))
        return f"x(t)[{k}] at t = {case.args['t']}: expected {float(e[k])!r}, got {float(g[k])!r}"
    return True
