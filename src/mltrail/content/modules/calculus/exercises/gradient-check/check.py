import numpy as np

from mltrail.grading.contract import hidden, labelled

BUGS = ["right", "right", "half", "sign", "sum", "one-entry", "sign-and-half"]


def _problem(rng, bug):
    n, d = int(rng.integers(3, 12)), int(rng.integers(1, 5))
    X = np.round(rng.normal(0.0, 1.0, size=(n, d)), 3)
    y = np.round(rng.normal(0.0, 2.0, size=n), 3)
    w = np.round(rng.normal(0.0, 1.0, size=d), 3)
    residual = X @ w - y
    true = 2.0 / n * X.T @ residual
    if bug == "right":
        grad = true
    elif bug == "half":
        grad = true / 2
    elif bug == "sign":
        grad = -true
    elif bug == "sum":
        grad = true * n
    elif bug == "one-entry":
        grad = true.copy()
        grad[int(rng.integers(0, d))] += 0.1 * (1.0 + abs(true).max())
    else:  # residual taken as y - Xw and the factor 2 dropped: two bugs at once
        grad = -true / 2
    if n == 1 and bug == "sum":
        grad = grad * 3
    return {"X": X.tolist(), "y": y.tolist(), "w": w.tolist(), "grad": [float(v) for v in grad]}


def cases(rng):
    X = [[1.0, 2.0], [3.0, 4.0]]
    y = [0.5, 0.5]
    yield labelled({"X": X, "y": y, "w": [0.5, -0.5], "grad": [-4.0, -6.0]}, "the worked example: a right gradient")
    yield labelled({"X": X, "y": y, "w": [0.5, -0.5], "grad": [-2.0, -3.0]}, "the worked example: the factor 2 missing")
    yield labelled({"X": X, "y": y, "w": [0.5, -0.5], "grad": [4.0, 6.0]}, "a sign error")
    yield labelled({"X": [[2.0]], "y": [1.0], "w": [3.0], "grad": [20.0]}, "one row, one weight: right")
    yield labelled({"X": [[0.0, 0.0], [0.0, 0.0]], "y": [1.0, 2.0], "w": [0.5, 1.5], "grad": [0.0, 0.0]}, "X all zeros: the loss does not depend on w, both gradients 0")
    yield labelled({"X": [[1.0, 0.0], [0.0, 1.0]], "y": [1.0, 1.0], "w": [1.0, 1.0], "grad": [0.5, 0.0]}, "at the minimum with a wrong gradient: error 1")
    for i in range(22):
        yield _problem(rng, BUGS[i % len(BUGS)])
    yield hidden(_problem(rng, "right"))


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if expected < 1e-7:
        if not 0.0 <= got < 1e-7:
            return f"this gradient is right (relative error about {expected:.1e}); got {got!r}, which is not below 1e-7"
        return True
    if abs(got - expected) > 1e-4 * expected:
        return f"expected a relative error of {expected!r}, got {got!r}"
    return True
