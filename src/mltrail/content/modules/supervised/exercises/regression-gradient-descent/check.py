import numpy as np

from mltrail.grading.contract import hidden, labelled


def _step(X):
    """1 / (largest eigenvalue of the Hessian (2/n) A.T A, A = [1 | X]): a safe learning rate."""
    A = np.column_stack([np.ones(len(X)), X])
    return float(np.round(1.0 / np.linalg.eigvalsh(2.0 / len(X) * A.T @ A).max(), 4))


def _problem(rng):
    n, d = int(rng.integers(8, 60)), int(rng.integers(1, 5))
    X = np.round(rng.normal(rng.uniform(-1, 1, size=d), rng.uniform(0.5, 2.0, size=d), size=(n, d)), 3)
    y = np.round(X @ rng.normal(0.0, 3.0, size=d) + rng.normal(0.0, 5.0) + rng.normal(0.0, 1.0, size=n), 3)
    tol = float(rng.choice([1e-4, 1e-6, 1e-8]))
    return {"X": X, "y": y, "learning_rate": _step(X) * float(rng.uniform(0.5, 1.0)), "tol": tol}


def cases(rng):
    X = np.array([[0.0], [1.0], [2.0], [3.0]])
    yield labelled({"X": X, "y": np.array([1.0, 3.0, 5.0, 7.0]), "learning_rate": 0.1, "tol": 1e-6}, "the worked example")
    yield labelled({"X": X, "y": np.array([4.0, 4.0, 4.0, 4.0]), "learning_rate": 0.1, "tol": 1e-6}, "constant targets: the weight ends near 0, the intercept near 4")
    yield labelled({"X": np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]]), "y": np.array([2.0, -1.0, 1.0, 3.0]), "learning_rate": 0.2, "tol": 0.5}, "a loose tolerance: stop early")
    yield labelled({"X": np.array([[-1.0], [0.0], [1.0]]), "y": np.array([2.0, 0.5, 3.5]), "learning_rate": 0.5, "tol": 1e-8}, "a tight tolerance")
    for _ in range(22):
        yield _problem(rng)
    yield hidden(_problem(rng))


def _gradient_norm(X, y, b, w):
    r = b + X @ w - y
    g = np.concatenate([[2.0 * r.mean()], 2.0 * X.T @ r / len(y)])
    return float(np.linalg.norm(g)), float(np.abs(r).max() + np.abs(y).max())


def compare(expected, got, case):
    if type(got) not in (tuple, list) or len(got) != 2:
        return "return a tuple (intercept, weights)"
    b, w = got
    if type(b) not in (int, float):
        return f"the intercept must be a float, not {type(b).__name__}"
    try:
        w = np.asarray(w, dtype=float)
    except (TypeError, ValueError):
        return "the weights must be a 1-D array or a list of floats"
    X, y, tol = case.args["X"], case.args["y"], case.args["tol"]
    if w.shape != (X.shape[1],):
        return f"expected {X.shape[1]} weights, got an array of shape {w.shape}"
    if not np.all(np.isfinite(w)) or not np.isfinite(b):
        return "the weights are not finite: is the step subtracted, and is the gradient averaged over n?"
    norm, size = _gradient_norm(X, y, float(b), w)
    # The margin covers rounding in the gradient itself (about 1e-15 times the residual sizes).
    if norm > tol * (1 + 1e-6) + 1e-13 * size:
        want = expected[0], np.asarray(expected[1]).tolist()
        return f"the gradient norm at your point is {norm:.3g}, above tol = {tol:g}; a point that meets the rule is about {want!r}"
    return True
