import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, d, steps):
    w0 = np.round(rng.normal(0.0, 3.0, size=d), 3)
    c = np.round(rng.normal(0.0, 2.0, size=d), 3)
    c[np.abs(w0 - c) < 0.01] += 0.5
    return {"a": np.round(10.0 ** rng.uniform(-1.0, 2.0, size=d), 3).tolist(), "c": c.tolist(), "w0": w0.tolist(),
            "lr": float(rng.choice([0.001, 0.01, 0.05, 0.1, 0.3])), "beta1": float(rng.choice([0.0, 0.5, 0.9])),
            "beta2": float(rng.choice([0.9, 0.99, 0.999])), "eps": float(rng.choice([1e-8, 1e-6, 1e-3])), "steps": steps}


def cases(rng):
    yield labelled({"a": [1.0, 100.0], "c": [0.0, 0.0], "w0": [1.0, 1.0], "lr": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "steps": 1}, "the worked example: one step moves each coordinate by lr")
    yield labelled({"a": [2.0], "c": [1.0], "w0": [3.0], "lr": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "steps": 5}, "five steps in one dimension")
    yield labelled({"a": [0.5, 50.0, 5.0], "c": [1.0, -1.0, 2.0], "w0": [0.0, 0.0, 0.0], "lr": 0.05, "beta1": 0.9, "beta2": 0.99, "eps": 1e-8, "steps": 30}, "very different curvatures")
    yield labelled({"a": [1.0], "c": [0.0], "w0": [2.0], "lr": 0.01, "beta1": 0.0, "beta2": 0.9, "eps": 0.001, "steps": 10}, "beta1 = 0: the step is g / (|g| + eps)")
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
    bad = np.flatnonzero(~(np.abs(w - want) <= 1e-8 * scale))
    if len(bad):
        i = int(bad[0])
        return f"w[{i}]: expected {float(want[i])!r}, got {float(w[i])!r}"
    return True
