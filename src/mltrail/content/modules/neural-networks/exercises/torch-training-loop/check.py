import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, d):
    X = np.round(rng.normal(0.0, 1.0, size=(n, d)), 3)
    y = np.round(X @ rng.normal(0.0, 2.0, size=d) + rng.normal(0.0, 0.3, size=n) + rng.normal(), 3)
    return {"X": X.tolist(), "y": y.tolist(), "lr": float(np.round(rng.uniform(0.005, 0.03), 4)),
            "epochs": int(rng.integers(1, 6)), "batch_size": int(rng.integers(2, n + 1))}


def cases(rng):
    yield labelled({"X": [[1.0], [2.0], [3.0]], "y": [2.0, 4.0, 6.0], "lr": 0.1, "epochs": 1, "batch_size": 2}, "the worked example")
    yield labelled({"X": [[1.0, 0.0], [0.0, 1.0]], "y": [1.0, -1.0], "lr": 0.1, "epochs": 3, "batch_size": 2}, "one batch per epoch: full-batch gradient descent")
    yield labelled({"X": [[1.0], [2.0], [3.0], [4.0], [5.0]], "y": [1.0, 1.0, 2.0, 2.0, 3.0], "lr": 0.02, "epochs": 4, "batch_size": 2}, "a short last batch in every epoch")
    for _ in range(22):
        yield _case(rng, int(rng.integers(3, 16)), int(rng.integers(1, 4)))
    yield hidden(_case(rng, 40, 3))


def compare(expected, got, case):
    want = np.asarray(expected, dtype=float)
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"return floats, not an array of dtype {got.dtype}"
    elif isinstance(got, list):
        if any(type(v) is not float for v in got):
            return "every entry must be a float"
    else:
        return f"return a list of floats, a tensor or an array, not {type(got).__name__}"
    p = np.asarray(got, dtype=float)
    if p.shape != want.shape:
        return f"return the {want.size - 1} weights and then the bias, {want.size} numbers; got shape {p.shape}"
    tol = 1e-4 * (1.0 + float(np.abs(want).max()))
    bad = np.flatnonzero(~(np.abs(p - want) <= tol))
    if len(bad):
        i = int(bad[0])
        name = "the bias" if i == want.size - 1 else f"weight {i}"
        return f"{name}: expected {float(want[i])!r}, got {float(p[i])!r}"
    return True
