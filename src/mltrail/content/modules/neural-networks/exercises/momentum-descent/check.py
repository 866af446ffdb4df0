import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, d, steps):
    a = np.round(10.0 ** rng.uniform(-1.0, 1.0, size=d), 3)
    lr = float(np.round(rng.uniform(0.05, 1.5) / a.max(), 4))
    return {"a": a.tolist(), "c": np.round(rng.normal(0.0, 2.0, size=d), 3).tolist(),
            "w0": np.round(rng.normal(0.0, 3.0, size=d), 3).tolist(), "lr": lr,
            "beta": float(rng.choice([0.0, 0.5, 0.8, 0.9, 0.95])), "steps": steps}


def cases(rng):
    yield labelled({"a": [1.0, 10.0], "c": [0.0, 0.0], "w0": [1.0, 1.0], "lr": 0.1, "beta": 0.9, "steps": 3}, "the worked example")
    yield labelled({"a": [2.0], "c": [1.0], "w0": [3.0], "lr": 0.25, "beta": 0.5, "steps": 1}, "one step: plain gradient descent")
    yield labelled({"a": [1.0], "c": [0.0], "w0": [1.0], "lr": 0.1, "beta": 0.0, "steps": 5}, "beta = 0: plain gradient descent")
    yield labelled({"a": [0.1, 1.0], "c": [5.0, -5.0], "w0": [0.0, 0.0], "lr": 1.0, "beta": 0.9, "steps": 40}, "a long valley, many steps")
    for _ in range(22):
        yield _case(rng, int(rng.integers(1, 6)), int(rng.integers(1, 60)))
    yield hidden(_case(rng, 10, 100))


def compare(expected, got, case):
    want = np.asarray(expected, dtype=float)
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"return floats, not an array of dtype {got.dtype}"
    elif isinstance(got, list):
        if any(type(v) is not float for v in got):
            return "every entry must be a float"
    else:
        return f"return a list of floats or a numpy array, not {type(got).__name__}"
    w = np.asarray(got, dtype=float)
    if w.shape != want.shape:
        return f"return the weights, shape {want.shape}; got {w.shape}"
    scale = 1.0 + max(float(np.abs(case.args["w0"]).max()), float(np.abs(case.args["c"]).max()))
    bad = np.flatnonzero(~(np.abs(w - want) <= 1e-9 * scale))
    if len(bad):
        i = int(bad[0])
        return f"w[{i}]: expected {float(want[i])!r}, got {float(w[i])!r}"
    return True
