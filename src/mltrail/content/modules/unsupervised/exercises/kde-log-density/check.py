import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, m, d, far):
    centres = rng.normal(0.0, 3.0, size=(int(rng.integers(1, 4)), d))
    X_train = centres[rng.integers(0, len(centres), size=n)] + rng.normal(0.0, 1.0, size=(n, d))
    X_test = centres[rng.integers(0, len(centres), size=m)] + rng.normal(0.0, 2.0, size=(m, d))
    if far:  # a test point so far away that every bump underflows to 0
        X_test[int(rng.integers(0, m))] = rng.choice([-1.0, 1.0], size=d) * rng.uniform(40, 100, size=d)
    return {"X_train": X_train, "X_test": X_test, "bandwidth": round(float(rng.uniform(0.2, 2.0)), 3)}


def cases(rng):
    yield labelled({"X_train": np.array([[0.0], [1.0], [2.0]]), "X_test": np.array([[1.0], [10.0]]), "bandwidth": 1.0},
                   "the worked example")
    yield labelled({"X_train": np.array([[0.0, 0.0]]), "X_test": np.array([[0.0, 0.0], [1.0, 1.0]]), "bandwidth": 0.5},
                   "one training point: the log-density of a normal with covariance h^2 I")
    yield labelled({"X_train": np.array([[0.0], [4.0]]), "X_test": np.array([[60.0], [-45.0], [2.0]]), "bandwidth": 0.5},
                   "far test points: every bump underflows, the log-density does not")
    yield labelled({"X_train": np.array([[1.0, 2.0, 3.0], [1.0, 2.0, 3.5], [0.0, 0.0, 0.0], [2.0, 1.0, 0.0]]),
                    "X_test": np.array([[1.0, 2.0, 3.2]]), "bandwidth": 2.0}, "three features, a wide bandwidth")
    for i in range(22):
        d = int(rng.integers(1, 4))
        yield _case(rng, int(rng.integers(2, 40)), int(rng.integers(1, 8)), d, far=i % 2 == 0)
    yield hidden(_case(rng, 400, 60, 5, far=True))


def compare(expected, got, case):
    want = np.asarray(expected, dtype=float)
    if isinstance(got, np.ndarray):
        if got.ndim != 1 or got.dtype.kind != "f":
            return f"return a list of floats (or a 1-D float array), not an array of dtype {got.dtype} and shape {got.shape}"
        got = got.tolist()
    if not isinstance(got, list) or any(type(v) not in (float, int) for v in got):
        return "return a list of floats, one log-density per row of X_test"
    if len(got) != len(want):
        return f"expected {len(want)} values (one per row of X_test), got {len(got)}"
    g = np.asarray(got, dtype=float)
    bad = np.flatnonzero(~(np.abs(g - want) <= 1e-9 * np.abs(want) + 1e-9))
    if len(bad):
        i = int(bad[0])
        return f"test row {i}: expected log-density {float(want[i])!r}, got {float(g[i])!r}"
    return True
