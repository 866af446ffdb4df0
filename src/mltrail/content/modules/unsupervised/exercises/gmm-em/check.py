import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, k, d, iterations):
    centres = rng.normal(0.0, 1.0, size=(k, d)) * 5.0 + rng.uniform(-10, 10, size=d)
    sizes = rng.multinomial(n - 10 * k, np.full(k, 1.0 / k)) + 10  # at least 10 points each
    parts = []
    for j in range(k):
        Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
        A = Q * rng.uniform(0.5, 1.5, size=d)  # a tilted, stretched cloud, never flat
        parts.append(centres[j] + rng.normal(0.0, 1.0, size=(sizes[j], d)) @ A.T)
    X = rng.permutation(np.vstack(parts))
    means = centres + rng.normal(0.0, 1.0, size=(k, d))
    covs = np.array([np.eye(d) * rng.uniform(0.5, 2.0) for _ in range(k)])
    weights = rng.dirichlet(np.full(k, 5.0))
    return {"X": X, "weights": [float(w) for w in weights], "means": means, "covariances": covs, "iterations": iterations}


def cases(rng):
    X = np.array([[-2.0], [-1.0], [0.0], [4.0], [5.0], [6.0], [7.0]])
    start = {"weights": [0.5, 0.5], "means": np.array([[-1.0], [5.0]]), "covariances": np.array([[[1.0]], [[1.0]]])}
    yield labelled({"X": X, **start, "iterations": 1}, "the worked example")
    yield labelled({"X": X, **start, "iterations": 0}, "zero iterations: the starting parameters")
    yield labelled({"X": np.array([[0.0], [1.0], [2.0], [3.0], [3.5], [6.0]]), "weights": [0.5, 0.5],
                    "means": np.array([[1.0], [3.0]]), "covariances": np.array([[[1.0]], [[1.0]]]), "iterations": 1},
                   "overlapping components: soft responsibilities, and the covariance around the NEW mean")
    yield labelled({"X": np.array([[0.0], [1.0], [2.0], [3.0], [3.5], [6.0]]), "weights": [0.5, 0.5],
                    "means": np.array([[1.0], [3.0]]), "covariances": np.array([[[1.0]], [[1.0]]]), "iterations": 3},
                   "the same start, three iterations")
    yield labelled({"X": np.array([[0.0, 1.0], [2.0, 0.0], [1.0, 3.0], [3.0, 2.0], [5.0, 5.0]]), "weights": [1.0],
                    "means": np.array([[0.0, 0.0]]), "covariances": np.array([[[1.0, 0.0], [0.0, 1.0]]]), "iterations": 2},
                   "one component: the sample mean and the covariance dividing by n")
    for _ in range(22):
        k, d = int(rng.integers(2, 4)), int(rng.integers(1, 4))
        yield _case(rng, int(rng.integers(15 * k, 80)), k, d, int(rng.integers(1, 7)))
    yield hidden(_case(rng, 400, 3, 3, 10))


def _array(value, shape, name):
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return f"{name} must be an array (or nested lists) of floats"
    if array.shape != shape:
        return f"{name}: expected shape {shape}, got {array.shape}"
    return array


def compare(expected, got, case):
    if not isinstance(got, tuple) or len(got) != 3:
        return "return a tuple of three values: (weights, means, covariances)"
    X = np.asarray(case.args["X"], dtype=float)
    scale = float(np.abs(X).max()) + 1.0
    steps = case.args["iterations"]
    for name, e, g, tol in (("weights", expected[0], got[0], 1e-7), ("means", expected[1], got[1], 1e-7 * scale),
                            ("covariances", expected[2], got[2], 1e-7 * scale * scale)):
        e = np.asarray(e, dtype=float)
        g = _array(g, e.shape, name)
        if isinstance(g, str):
            return g
        bad = np.argwhere(~(np.abs(g - e) <= tol))
        if len(bad):
            j = int(bad[0][0])
            return f"{name} of component {j} after {steps} iterations: expected {e[j].tolist()}, got {g[j].tolist()}"
    return True
