import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, m, d):
    Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    A = Q * rng.uniform(0.3, 3.0, size=d)  # a rotation and stretches: correlated, well conditioned
    scales = 10.0 ** rng.uniform(-1, 1, size=d)
    mu = rng.uniform(-20, 20, size=d)
    X_train = (rng.normal(size=(n, d)) @ A.T) * scales + mu
    X_test = (rng.normal(size=(m, d)) * rng.uniform(1.0, 4.0) @ A.T) * scales + mu
    return {"X_train": X_train, "X_test": X_test}


def cases(rng):
    X_train = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0], [1.0, 2.0], [2.0, 1.0]])
    yield labelled({"X_train": X_train, "X_test": np.array([[1.5, 1.5], [3.0, 0.0], [3.0, 3.0]])}, "the worked example")
    yield labelled({"X_train": np.array([[1.0], [2.0], [4.0]]), "X_test": np.array([[0.0], [7.0]])},
                   "one feature: |x - mean| / sample standard deviation")
    yield labelled({"X_train": np.array([[0.0, 0.0], [2.0, 0.0], [0.0, 20.0], [2.0, 20.0], [1.0, 10.0]]),
                    "X_test": np.array([[1.0, 10.0], [3.0, 10.0], [1.0, 30.0]])},
                   "uncorrelated features on different scales: a z-score in each direction")
    yield labelled({"X_train": X_train, "X_test": np.array([[10.0, 10.0]])}, "a single test row far along the correlation")
    for _ in range(22):
        d = int(rng.integers(1, 5))
        yield _case(rng, int(rng.integers(d + 3, 40)), int(rng.integers(1, 8)), d)
    yield hidden(_case(rng, 500, 50, 6))


def compare(expected, got, case):
    want = np.asarray(expected, dtype=float)
    if isinstance(got, np.ndarray):
        if got.ndim != 1 or got.dtype.kind != "f":
            return f"return a list of floats (or a 1-D float array), not an array of dtype {got.dtype} and shape {got.shape}"
        got = got.tolist()
    if not isinstance(got, list) or any(type(v) not in (float, int) for v in got):
        return "return a list of floats, one distance per row of X_test"
    if len(got) != len(want):
        return f"expected {len(want)} distances (one per row of X_test), got {len(got)}"
    g = np.asarray(got, dtype=float)
    bad = np.flatnonzero(~(np.abs(g - want) <= 1e-7 * (want + 1e-3)))
    if len(bad):
        i = int(bad[0])
        return f"test row {i}: expected distance {float(want[i])!r}, got {float(g[i])!r}"
    return True
