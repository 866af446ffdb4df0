import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, k, d):
    centres = rng.normal(0.0, 5.0, size=(max(k, 2), d))
    X = centres[rng.integers(0, len(centres), size=n)] + rng.normal(0.0, 1.0, size=(n, d))
    return {"X": X, "k": k, "uniforms": [float(u) for u in rng.uniform(0.001, 0.999, size=k)]}


def cases(rng):
    yield labelled({"X": np.array([[0.0, 0.0], [1.0, 0.0], [10.0, 0.0], [0.0, 5.0]]), "k": 3,
                    "uniforms": [0.1, 0.5, 0.5]}, "the worked example")
    yield labelled({"X": np.array([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]]), "k": 1, "uniforms": [0.7]},
                   "k = 1: only the first centre, floor(0.7 * 3) = 2")
    yield labelled({"X": np.array([[0.0], [1.0], [3.0], [4.0], [10.0]]), "k": 3, "uniforms": [0.05, 0.2, 0.9]},
                   "one feature: squared distances (0, 1, 9, 16, 100), not distances")
    yield labelled({"X": np.array([[0.0, 0.0], [0.0, 0.0], [6.0, 0.0], [6.0, 1.0], [0.0, 7.0]]), "k": 4,
                    "uniforms": [0.1, 0.3, 0.2, 0.9]},
                   "a repeated point has weight 0 once its twin is chosen; the nearest centre, not the last one, counts")
    yield labelled({"X": np.array([[0.0, 0.0], [3.0, 4.0]]), "k": 2, "uniforms": [0.6, 0.01]},
                   "k = n: the second point is the only one left with weight")
    for i in range(22):
        n, d = int(rng.integers(6, 50)), int(rng.integers(1, 4))
        k = int(rng.integers(3, min(7, n) + 1))
        yield _case(rng, n, k, d)
    yield hidden(_case(rng, 300, 8, 3))


def _accepts(X, uniforms, got):
    """Is `got` a valid k-means++ draw, allowing for rounding at the boundaries between points?"""
    n = len(X)
    if got[0] != min(int(uniforms[0] * n), n - 1):
        return 0
    nearest = ((X - X[got[0]]) ** 2).sum(axis=1)
    for j in range(1, len(got)):
        i = got[j]
        running = np.cumsum(nearest)
        target = uniforms[j] * running[-1]
        slack = 1e-9 * running[-1]
        before = running[i - 1] if i > 0 else 0.0
        if not (nearest[i] > 0 and before <= target + slack and running[i] >= target - slack):
            return j
        nearest = np.minimum(nearest, ((X - X[i]) ** 2).sum(axis=1))
    return None


def compare(expected, got, case):
    if isinstance(got, np.ndarray) and got.ndim == 1 and got.dtype.kind in "iu":
        got = got.tolist()
    if not isinstance(got, list) or any(type(v) is not int for v in got):
        return "return a list of ints: the indices of the chosen points"
    if len(got) != len(expected):
        return f"expected {len(expected)} indices (k = {case.args['k']}), got {len(got)}"
    if got == expected:
        return True
    n = len(case.args["X"])
    if any(not 0 <= v < n for v in got):
        return f"indices must be between 0 and {n - 1}"
    step = _accepts(np.asarray(case.args["X"], dtype=float), case.args["uniforms"], got)
    if step is None:
        return True
    return f"centre {step} (chosen with u = {case.args['uniforms'][step]}): expected index {expected[step]}, got {got[step]}"
