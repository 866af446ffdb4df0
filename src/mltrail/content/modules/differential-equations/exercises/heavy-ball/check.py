import numpy as np

from mltrail.grading.contract import hidden, labelled


def _spd(rng, d):
    Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    lam = np.exp(rng.uniform(np.log(0.1), np.log(10.0), size=d))
    A = np.round(Q @ np.diag(lam) @ Q.T, 3)
    return (A + A.T) / 2


def _case(rng):
    d = int(rng.integers(1, 5))
    A = _spd(rng, d)
    beta = round(float(rng.uniform(0.0, 0.95)), 3)
    lam_max = float(np.linalg.eigvalsh(A).max())
    # The heavy ball is stable for learning_rate < 2 (1 + beta) / lam_max; stay below it.
    eta = round(float(rng.uniform(0.05, 1.6) * (1 + beta) / lam_max), 4)
    return {
        "A": A.tolist(),
        "b": [round(float(v), 3) for v in rng.normal(0.0, 2.0, size=d)],
        "x0": [round(float(v), 3) for v in rng.normal(0.0, 2.0, size=d)],
        "learning_rate": eta,
        "momentum": beta,
        "steps": int(rng.integers(1, 60)),
    }


def cases(rng):
    yield labelled({"A": [[1.0]], "b": [1.0], "x0": [0.0], "learning_rate": 0.5, "momentum": 0.5, "steps": 3}, "the worked example")
    yield labelled({"A": [[2.0, 0.0], [0.0, 1.0]], "b": [1.0, 1.0], "x0": [1.0, -1.0], "learning_rate": 0.1, "momentum": 0.0, "steps": 5}, "momentum 0: plain gradient descent")
    yield labelled({"A": [[1.0, 0.0], [0.0, 0.01]], "b": [0.0, 0.0], "x0": [1.0, 1.0], "learning_rate": 1.0, "momentum": 0.9, "steps": 40}, "an ill-conditioned quadratic with heavy momentum")
    yield labelled({"A": [[4.0, 1.0], [1.0, 3.0]], "b": [1.0, 2.0], "x0": [0.0, 0.0], "learning_rate": 0.2, "momentum": 0.5, "steps": 1}, "one step: momentum has not acted yet")
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
    scale = 1.0 + np.linalg.norm(case.args["x0"]) + np.linalg.norm(x_star) + np.linalg.norm(e)
    bad = np.abs(g - e) > 1e-7 * scale
    if bad.any():
        k = int(np.argmax(bad))
        return f"x[{k}] after {case.args['steps']} steps: expected {float(e[k])!r}, got {float(g[k])!r}"
    return True
