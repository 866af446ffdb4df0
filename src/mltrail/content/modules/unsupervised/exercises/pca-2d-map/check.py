import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, d):
    """Correlated features in very different units."""
    scales = np.sort(rng.uniform(1.0, 2.2, size=d).cumprod())[::-1]
    Q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    X = (rng.normal(size=(n, d)) * scales) @ Q.T
    units = 10.0 ** rng.integers(-2, 4, size=d)
    return {"X": X * units + rng.uniform(-5, 5, size=d) * units}


def _well_posed(X):
    """The first three variances of the standardised data have gaps of 5% of the largest."""
    Z = (X - X.mean(axis=0)) / X.std(axis=0)
    lam = np.linalg.svd(Z, compute_uv=False) ** 2
    return all(lam[j] - lam[j + 1] > 0.05 * lam[0] for j in range(min(2, len(lam) - 1)))


def cases(rng):
    yield labelled({"X": np.array([[1.0, 100.0, 0.5], [2.0, 300.0, 0.1], [3.0, 200.0, 0.4], [5.0, 400.0, 0.2], [4.0, 250.0, 0.3]])},
                   "the worked example")
    yield labelled({"X": np.array([[1.0, 2000.0], [2.0, 1000.0], [3.0, 4000.0], [4.0, 3000.0]])},
                   "two features in different units: standardise, or the second takes over")
    yield labelled({"X": np.array([[0.0, 0.0, 1.0], [1.0, 0.1, 0.0], [2.0, 0.0, 1.0], [3.0, 0.3, 0.0], [4.0, 0.2, 1.0], [6.0, 0.5, 0.0]])},
                   "three features, six points")
    produced = 0
    while produced < 22:
        case = _case(rng, int(rng.integers(5, 50)), int(rng.integers(3, 7)))
        if _well_posed(case["X"]):
            produced += 1
            yield case
    while True:
        case = _case(rng, 400, 10)
        if _well_posed(case["X"]):
            yield hidden(case)
            break


def compare(expected, got, case):
    want = np.asarray(expected, dtype=float)
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return "return an n x 2 array (or a list of pairs) of floats"
    if got.shape != want.shape:
        return f"expected shape {want.shape}: one row per point, one column per component; got {got.shape}"
    for j in range(2):
        tol = 1e-6 * (np.linalg.norm(want[:, j]) + 1.0)
        if not (np.linalg.norm(got[:, j] - want[:, j]) <= tol or np.linalg.norm(got[:, j] + want[:, j]) <= tol):
            i = int(np.argmax(np.minimum(np.abs(got[:, j] - want[:, j]), np.abs(got[:, j] + want[:, j]))))
            return f"scores on component {j}: point {i} expected {float(want[i, j])!r} (or its negative), got {float(got[i, j])!r}"
    return True
