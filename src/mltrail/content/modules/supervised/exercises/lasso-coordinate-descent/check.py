import numpy as np

from mltrail.grading.contract import hidden, labelled


def _problem(rng):
    n, d = int(rng.integers(3, 30)), int(rng.integers(1, 7))
    X = np.round(rng.normal(0.0, 1.0, size=(n, d)) * rng.uniform(0.3, 3.0, size=d), 3)
    true = rng.normal(0.0, 2.0, size=d) * (rng.random(d) < 0.6)
    y = np.round(X @ true + rng.normal(0.0, 1.0, size=n), 3)
    top = float(np.abs(X.T @ y).max()) / n  # for alpha >= top, w = 0 is the answer
    alpha = float(np.round(top * rng.uniform(0.02, 0.8), 4)) or 0.01
    return {"X": X, "y": y, "alpha": alpha, "sweeps": int(rng.integers(1, 9))}


def cases(rng):
    X = np.array([[1.0, 2.0], [2.0, 0.0], [3.0, 1.0], [4.0, 3.0]])
    y = np.array([3.0, 2.0, 5.0, 9.0])
    yield labelled({"X": X, "y": y, "alpha": 0.5, "sweeps": 1}, "the worked example, one sweep")
    yield labelled({"X": X, "y": y, "alpha": 0.5, "sweeps": 2}, "the worked example, two sweeps")
    yield labelled({"X": X, "y": y, "alpha": 20.0, "sweeps": 3}, "alpha above max |X.T y| / n: every weight is 0")
    yield labelled({"X": X, "y": -y, "alpha": 0.5, "sweeps": 2}, "negative correlations: the threshold works on |rho|")
    yield labelled({"X": np.array([[1.0, 0.0], [0.0, 2.0], [-1.0, 0.0], [0.0, -2.0]]), "y": np.array([2.0, 1.0, -2.0, -3.0]), "alpha": 0.3, "sweeps": 1}, "orthogonal columns: one sweep is exact")
    yield labelled({"X": np.array([[1.0, 1.0], [2.0, 2.1], [3.0, 2.9], [4.0, 4.0]]), "y": np.array([1.0, 2.0, 3.0, 4.0]), "alpha": 0.1, "sweeps": 4}, "two correlated columns: the newest weights matter")
    for _ in range(22):
        yield _problem(rng)
    yield hidden(_problem(rng))


def compare(expected, got, case):
    want = np.asarray(expected, dtype=float)
    if isinstance(got, np.ndarray):
        if got.dtype.kind not in "fi":
            return f"return floats, not an array of dtype {got.dtype}"
    elif type(got) in (list, tuple):
        if any(type(v) not in (int, float) for v in got):
            return "return a list of floats"
    else:
        return f"return a 1-D array or a list of floats, not {type(got).__name__}"
    have = np.asarray(got, dtype=float)
    if have.shape != want.shape:
        return f"expected {len(want)} weights, got shape {have.shape}"
    if not np.all(np.isfinite(have)) or np.linalg.norm(have - want) > 1e-7 * np.linalg.norm(want) + 1e-10:
        return f"expected w = {want.tolist()!r} after {case.args['sweeps']} sweeps, got {have.tolist()!r}"
    return True
