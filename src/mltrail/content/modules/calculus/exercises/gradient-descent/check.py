import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, factor):
    """A regression problem and a step `factor` times 1 / lambda_max (below 2 converges)."""
    n, d = int(rng.integers(4, 25)), int(rng.integers(1, 5))
    X = np.round(rng.normal(0.0, 1.0, size=(n, d)), 3)
    y = np.round(X @ rng.normal(0.0, 2.0, size=d) + rng.normal(0.0, 0.5, size=n), 3)
    lam = float(np.linalg.eigvalsh(2.0 / n * X.T @ X).max())
    return {"X": X.tolist(), "y": y.tolist(), "learning_rate": round(factor / lam, 4), "steps": int(rng.integers(1, 40))}


def cases(rng):
    yield labelled({"X": [[1.0, 0.0], [0.0, 2.0]], "y": [2.0, 2.0], "learning_rate": 0.1, "steps": 3}, "the worked example")
    yield labelled({"X": [[1.0, 2.0], [3.0, 4.0]], "y": [1.0, 1.0], "learning_rate": 0.01, "steps": 0}, "zero steps: the starting point")
    yield labelled({"X": [[1.0], [1.0]], "y": [3.0, 5.0], "learning_rate": 0.5, "steps": 1}, "one step of size 1 / curvature lands on the mean")
    yield labelled({"X": [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]], "y": [1.0, 2.0, 3.0], "learning_rate": 0.1, "steps": 200}, "many steps: converged to the least-squares solution")
    yield labelled({"X": [[1.0], [2.0]], "y": [1.0, 2.0], "learning_rate": 0.5, "steps": 6}, "too large a step: the iterates oscillate and grow")
    for i in range(22):
        factor = float(rng.uniform(2.05, 2.6)) if i % 6 == 5 else float(rng.uniform(0.1, 1.9))
        yield _case(rng, factor)
    yield hidden(_case(rng, 1.0))


def compare(expected, got, case):
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"return floats, not an array of dtype {got.dtype}"
        got = got.tolist()
    if not isinstance(got, list):
        return f"return a list of floats, not {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} weights, got {len(got)}"
    if any(type(g) is not float for g in got):
        return "every weight must be a float"
    e, g = np.asarray(expected), np.asarray(got)
    if not np.all(np.abs(g - e) <= 1e-7 * np.linalg.norm(e) + 1e-12):
        return f"expected w = {expected!r} after {case.args['steps']} steps, got {got!r}"
    return True
